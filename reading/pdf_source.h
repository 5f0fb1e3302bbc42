#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "ocr.h"
#include "ocr_resolution.h"
#include "pix.h"
#include "task_pool.h"

namespace congvan {

struct PdfOptions {
    bool force_ocr = false;  // ignore text layers (benchmarks, OCR checks)
    // Only what the text layers hold: no page is rendered or OCR'd (fuzzing the
    // parsing at thousands of inputs a second).
    bool text_layer_only = false;
    Deadline deadline;  // a document that takes longer is abandoned
    // Called after each page read by OCR (the slow ones), from the thread that read
    // it: how many of the document's pages are done, and how many it has.
    std::function<void(int done, int total)> on_page_read;
};

// The `pages` (from 1) rendered `width_px` wide, the document opened once; a page
// that cannot be rendered is left out. LoadError when the document cannot be opened.
std::vector<PageDrawing> draw_pdf_pages(std::string_view bytes, const std::vector<int>& pages, int width_px);

// A PDF of these objects, numbered from 1 (the first the catalogue), with its
// cross-reference table's offsets counted: small PDFs made in code (small_text_pdf,
// tests).
std::string pdf_of_objects(const std::vector<std::string>& objects);

// A one-page PDF with a text layer, made here: what a process keeps open so that
// Poppler's global tables outlive each document it reads (pdf_source.cpp).
std::string small_text_pdf();

// Each page from its text layer when it has a usable one, else rendered and OCR'd.
std::vector<Page> read_pdf_pages(std::string_view bytes, TaskPool* pool, const PdfOptions& options = {});

}  // namespace congvan
