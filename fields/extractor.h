#pragma once
#include "reading/document.h"
#include "record.h"

namespace congvan {

// Every field an auditor needs, each with its evidence (the `congvan extract` record).
Record extract_record(const Document& doc);

}  // namespace congvan
