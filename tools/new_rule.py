#!/usr/bin/env python3
"""Starts a new rule: writes its three files and names it in the README.

    tools/new_rule.py ID [--severity warning] [--scope week|any] [--summary "..."]

- rules/checks/ID.cpp   the rule: one class that registers itself (built with no other edit)
- docs/rules/ID.md      its page (what `congvan explain ID` prints, embedded at build time)
- docs/rules/vi/ID.md   the same page in Vietnamese (the default language)
- tests/rules/ID.cpp    its tests: they fail until the examples are written in
- README.md             ID added to the list of rules under "## Rules"

The registry, `--list-rules`, SARIF's rule list and the test that holds the files,
pages, tests and README to the same ids all follow from these. --root writes into
another copy of the repository (the tests use it).
"""
import argparse
import pathlib
import re
import sys

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
SEVERITIES = {"info": "Info", "warning": "Warning", "error": "Error"}
SCOPES = {"week": "WeekDocument", "any": "AnyDocument"}
ERAS = {"any": "Any", "decree30": "Decree30", "before-decree30": "BeforeDecree30"}

RULE = """#include "rules/registry.h"

namespace congvan::checks {{

namespace {{

// Why the rule exists: the mistake it catches and where the right form is written
// (docs/rules/{id}.md).
class {cls} : public Rule {{
public:
    const char* id() const override {{ return "{id}"; }}
    Severity default_severity() const override {{ return Severity::{severity}; }}
    const char* summary() const override {{ return "{summary}"; }}
    AppliesTo applies_to() const override {{
        return {{AppliesTo::Subject::{scope}, {{{types}}}, AppliesTo::Era::{era}}};
    }}

    void check(const CheckContext& ctx, std::vector<Finding>& out) const override {{
        const Record& doc = ctx.doc;
        // Read the fields the rule needs from `doc` (and the Ministry's from
        // ctx.ministry()); report each mistake with
        //   out.push_back(finding_on(field, say("found", {{{{"name", value}}}}), expected, found));
        // say("found") is the message `{id}.found` in corpus/messages.yaml; expected
        // and found are typed values (rules/value.h). The engine weighs how sure the
        // finding is: a rule never lowers its own severity or notes its doubts.
        (void)doc;
        (void)out;
    }}
}};

CONGVAN_REGISTER_RULE({cls});

}}  // namespace

}}  // namespace congvan::checks
"""

PAGE = """# {id}

Default severity: **{severity_word}**.

## What it catches
{summary}

## Example that fires
Write a line of a document on which it fires.

## Example that must not fire
Write the near misses it must stay silent on.

## How to silence it
In `.congvan.yaml` next to the documents or above them:

```yaml
rules:
  {id}: off        # or info, warning, error
```

or on the command line: `congvan check --disable {id}` or `--severity {id}=info`.
"""

PAGE_VI = """# {id}

Tóm tắt: (một dòng bằng tiếng Việt: `congvan --list-rules` in nó)

## Bắt lỗi gì
(bằng tiếng Việt: như trang tiếng Anh; mức mặc định và cách tắt do congvan thêm vào)

## Ví dụ báo lỗi
(một dòng văn bản mà quy tắc báo)

## Ví dụ không báo
(những trường hợp gần giống mà quy tắc phải im lặng)
"""

MESSAGE = """
# {id}
{id}.found:
  vi: "(thông báo bằng tiếng Việt)"
  en: "{summary}"
"""

TEST = """// The tests of the rule `{id}` (rules/checks/{id}.cpp, docs/rules/{id}.md): a
// document that fires it, and near misses that must not.
#include <catch2/catch.hpp>

#include "tests/rule_helpers.h"

using namespace congvan;
using namespace congvan::test;

// Replace "(the mistake)" with what a document would wrongly write, and
// "(its right form)" with what the clean plan writes there.
TEST_CASE("{id}: the mistake it catches fires") {{
    auto text = with(plan_2024(), "(its right form)", "(the mistake)");
    CHECK(findings_of(text, "{id}").size() == 1);
}}

TEST_CASE("{id}: the clean plan and the near misses do not fire") {{
    CHECK(findings_of(plan_2024(), "{id}").empty());
}}
"""


def class_name(rule_id):
    return "".join(part.capitalize() for part in rule_id.split("-"))


def add_to_readme(readme, rule_id):
    text = readme.read_text(encoding="utf-8")
    # The list ends with the last rule id before ".\n" in the section "## Rules".
    match = re.search(r"(\n## Rules\n.*?)(`[a-z0-9-]+`)(\.\n)", text, re.S)
    if not match:
        sys.exit(f"new_rule.py: {readme}: cannot find the list of rules under ## Rules")
    if f"`{rule_id}`" in match.group(1) + match.group(2):
        return
    text = text[: match.end(2)] + f", `{rule_id}`" + text[match.end(2):]
    readme.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("id", help="the rule's id: lower case words joined by '-' (public contract)")
    parser.add_argument("--severity", choices=sorted(SEVERITIES), default="warning")
    parser.add_argument("--scope", choices=sorted(SCOPES), default="week",
                        help="week: compares with the Ministry, on documents about the Week; any: every document")
    parser.add_argument("--types", default="", help="document types it applies to, comma-separated ids (default: every type)")
    parser.add_argument("--era", choices=sorted(ERAS), default="any", help="the Decree 30 era it applies to")
    parser.add_argument("--summary", default="", help="one line in English (SARIF's shortDescription)")
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parent.parent))
    args = parser.parse_args()
    if not ID_PATTERN.match(args.id):
        sys.exit(f"new_rule.py: '{args.id}' is not a rule id (lower case words joined by '-', like date-invalid)")
    summary = args.summary or f"What {args.id} catches, in one line"
    if '"' in summary or "\\" in summary:
        sys.exit("new_rule.py: the summary is a C++ string: no '\"' or '\\'")
    root = pathlib.Path(args.root)
    files = {
        root / "rules" / "checks" / f"{args.id}.cpp": RULE,
        root / "docs" / "rules" / f"{args.id}.md": PAGE,
        root / "docs" / "rules" / "vi" / f"{args.id}.md": PAGE_VI,
        root / "tests" / "rules" / f"{args.id}.cpp": TEST,
    }
    for path in files:
        if path.exists():
            sys.exit(f"new_rule.py: {path} exists: the rule is there already")
    types = [t for t in args.types.split(",") if t]
    if any(not re.match(r"^[a-z_]+$", t) for t in types):
        sys.exit("new_rule.py: --types takes document type ids (corpus/vocabulary/document-types.yaml), like ke_hoach")
    values = dict(id=args.id, cls=class_name(args.id), severity=SEVERITIES[args.severity],
                  severity_word=args.severity, scope=SCOPES[args.scope], summary=summary,
                  types=", ".join(f'"{t}"' for t in types), era=ERAS[args.era])
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
        print(path.relative_to(root))
    messages = root / "corpus" / "messages.yaml"
    messages.parent.mkdir(parents=True, exist_ok=True)
    with messages.open("a", encoding="utf-8") as out:
        out.write(MESSAGE.format(**values))
    print(messages.relative_to(root))
    add_to_readme(root / "README.md", args.id)
    print("README.md")


if __name__ == "__main__":
    main()
