"""Join digit readers trained with different seeds into one ONNX model (docs/handwriting.md).

usage: ensemble.py OUT.onnx MEMBER.onnx...

Every member reads the same input ("crop", 1x1x32x128); the joined model's output
("logits") holds each member's 11 scores per column one after another, so its shape
is 1 x 11K x 1 x 32. congvan reads each member's n best strings and averages their
probabilities (reading/handwriting.cpp): members that learnt different alignments
are never mixed column by column. One file, loaded once, one forward pass.
"""
import sys
import onnx
from onnx import compose, helper


def main():
    out, members = sys.argv[1], sys.argv[2:]
    if len(members) < 1:
        sys.exit(__doc__)
    first = onnx.load(members[0])
    crop = first.graph.input[0]
    nodes, initializers, outputs = [], [], []
    for k, path in enumerate(members):
        model = compose.add_prefix(onnx.load(path), prefix=f"m{k}_")
        g = model.graph
        source = g.input[0].name
        for node in g.node:
            node.input[:] = [crop.name if name == source else name for name in node.input]
            nodes.append(node)
        initializers.extend(g.initializer)
        outputs.append(g.output[0].name)
    nodes.append(helper.make_node("Concat", outputs, ["logits"], axis=1))
    shape = [d.dim_value for d in first.graph.output[0].type.tensor_type.shape.dim]
    shape[1] *= len(members)
    graph = helper.make_graph(nodes, "digit_readers", [crop],
                              [helper.make_tensor_value_info("logits", onnx.TensorProto.FLOAT, shape)], initializers)
    model = helper.make_model(graph, opset_imports=first.opset_import)
    model.ir_version = first.ir_version
    onnx.checker.check_model(model)
    onnx.save(model, out)
    print(f"wrote {out}: {len(members)} members")


if __name__ == "__main__":
    main()
