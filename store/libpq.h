// libpq, loaded when the first PostgreSQL connection is opened rather than linked:
// with its Kerberos, LDAP and TLS it was a dozen libraries and some 9 ms of every
// command's start, paid by every `check` and every scan into SQLite
// (docs/performance.md, "Starting the binary"). Its header gives the types; the
// functions are looked up once, by name, in the one library every Debian release
// since PostgreSQL 8.2 names libpq.so.5 (its ABI version).
#pragma once

#include <libpq-fe.h>

namespace congvan {

struct LibPq {
    decltype(&::PQconnectdb) connectdb;
    decltype(&::PQfinish) finish;
    decltype(&::PQstatus) status;
    decltype(&::PQreset) reset;
    decltype(&::PQtransactionStatus) transaction_status;
    decltype(&::PQsetNoticeProcessor) set_notice_processor;
    decltype(&::PQerrorMessage) error_message;
    decltype(&::PQexec) exec;
    decltype(&::PQexecParams) exec_params;
    decltype(&::PQresultStatus) result_status;
    decltype(&::PQresultErrorMessage) result_error_message;
    decltype(&::PQntuples) ntuples;
    decltype(&::PQgetvalue) getvalue;
    decltype(&::PQgetlength) getlength;
    decltype(&::PQgetisnull) getisnull;
    decltype(&::PQclear) clear;
};

// The functions, loaded on the first call; std::runtime_error saying why when the
// library or one of them is missing.
const LibPq& libpq();

}  // namespace congvan
