// The digit reader's model (corpus/models/digits.onnx, docs/handwriting.md), linked
// as read-only bytes with the assembler's .incbin: not compiled as C++ source, so
// a new model costs no compile time. DIGIT_MODEL_PATH is set by reading/CMakeLists.txt.
__asm__(
    ".section .rodata\n"
    ".global congvan_digit_model\n"
    ".global congvan_digit_model_end\n"
    ".balign 16\n"
    "congvan_digit_model:\n"
    ".incbin \"" DIGIT_MODEL_PATH
    "\"\n"
    "congvan_digit_model_end:\n"
    ".byte 0\n"
    ".previous\n");
