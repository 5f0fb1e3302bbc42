// Shared by the tests: where fixtures are, running the real binary, error rates.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "reading/document.h"
#include "reading/pdf_source.h"

namespace congvan::test {

extern const std::vector<std::string> kSeedNames;

std::string samples_dir();                       // corpus/samples
std::string fixtures_dir();                      // made by tools/make_fixtures.py in the build tree
std::string fixture(const std::string& name);    // fixtures_dir()/name
std::string sample(const std::string& name);     // samples_dir()/name
std::string test_data(const std::string& name);  // tests/data/name: files written for the tests
// A real document of corpus/real/KIND ("scans" or "texts").
std::string real_document(const std::string& kind, const std::string& name);

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
    long peak_rss_kib = 0;  // the child's own peak resident memory
};
// Runs the built congvan binary with these arguments (no shell involved), with the
// file `standard_input` (when given) as its standard input.
ProcessResult run_congvan(const std::vector<std::string>& args, const std::string& standard_input = "");
// Any program, by its full path (no shell, no PATH lookup).
ProcessResult run_program(const std::vector<std::string>& program_and_args, const std::string& standard_input = "");
// The "data" of the "document" lines of a JSON Lines stream (docs/output.md), after
// checking that every line is {"type", "data"}, the first "begin" and the last "summary".
std::vector<nlohmann::json> jsonl_documents(const std::string& stream);
// An empty folder of this name under the system's temporary folder.
std::string fresh_temp_dir(const std::string& name);
// A file's bytes.
std::string read_text_file(const std::string& path);
// A copy of `text` with the first `from` replaced by `to`; `from` must be there.
std::string with_replaced(std::string text, const std::string& from, const std::string& to);

// Problems tools/validate_sarif.py finds in a SARIF log against the 2.1.0 schema
// (tests/data): empty when it is valid.
std::string sarif_problems(const std::string& log);

// Starts the binary without waiting (output discarded); returns its pid.
int spawn_congvan(const std::vector<std::string>& args);
// The same with its standard output on `path` (/dev/full: every write fails).
int spawn_congvan_writing_to(const std::vector<std::string>& args, const char* path);
// Waits for a spawned process; returns its exit code (128 + signal when killed).
int wait_for(int pid);

// A program's output cut at its newlines.
std::vector<std::string> lines_of(const std::string& output);
// All the document's lines joined by single spaces.
std::string flat_text(const Document& doc);
std::string collapse_whitespace(const std::string& s);
// Character error rate of `recognised` against `truth`, in code points.
double character_error_rate(const std::string& truth, const std::string& recognised);

// A one-page PDF of the given size whose page content is `content` (uncompressed,
// correct xref offsets): for pages a fixture tool would not make.
std::string one_page_pdf(int width_pt, int height_pt, const std::string& content = "");
// A PDF of these objects: congvan::pdf_of_objects (reading/pdf_source.h).
using congvan::pdf_of_objects;

// A fixture loaded (and OCR'd) once per test process: OCR is the slow part of the suite.
const Document& loaded_fixture(const std::string& file);
// A seed's degraded scan, NAME.scan.pdf.
const Document& scanned_seed(const std::string& name);

}  // namespace congvan::test
