// A stored document's findings: written with the document, and those of the rules
// that compare documents replaced after a scan's pass (app/chain.cpp).
#include "archive.h"

#include "sql.h"

namespace congvan {

void Archive::insert_findings(long long id, const std::vector<StoredFinding>& findings) {
    Statement finding(*db_,
                      "INSERT INTO findings (document_id, rule, severity, message, message_en, expected, found, page, "
                      "line, evidence, uncertain_reading, bbox, source_line, evidence_confidence, "
                      "reference_confidence, source_column, expected_kind, found_kind, doubts, read_confidence, "
                      "fix_replace, fix_with) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)");
    for (const auto& f : findings) {
        finding.bind(1, id)
            .bind(2, f.rule)
            .bind(3, f.severity)
            .bind(4, f.message_vi)
            .bind(5, f.message_en)
            .bind(6, f.expected)
            .bind(7, f.found)
            .bind(8, static_cast<long long>(f.page))
            .bind(9, static_cast<long long>(f.line))
            .bind(10, f.evidence_text)
            .bind(11, static_cast<long long>(f.uncertain_reading))
            .bind_or_null(12, box_column(f))
            .bind(13, static_cast<long long>(f.source_line))
            .bind(14, f.evidence_confidence)
            .bind_or_null(15, f.reference_confidence)
            .bind(16, static_cast<long long>(f.column))
            .bind_or_null(17, f.expected_kind)
            .bind_or_null(18, f.found_kind)
            .bind_or_null(19, f.doubts);
        if (f.read_confidence) finding.bind(20, *f.read_confidence);
        else finding.null(20);
        finding.bind_or_null(21, f.fix_replace).bind_or_null(22, f.fix_with);
        finding.step();
        finding.reset();
    }
}

void Archive::replace_findings(long long document_id, const std::vector<std::string>& rules, const std::vector<StoredFinding>& findings) {
    std::lock_guard lock(mutex_);
    transaction([&] {
        Statement forget(*db_, "DELETE FROM findings WHERE document_id = ?1 AND rule = ?2");
        for (const auto& rule : rules) {
            forget.bind(1, document_id).bind(2, rule).step();
            forget.reset();
        }
        insert_findings(document_id, findings);
    });
}

}  // namespace congvan
