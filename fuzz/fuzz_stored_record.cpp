// A scan database's stored record of any bytes (a damaged or hand-edited database):
// decoding either gives a record the rules can run on, or refuses it with
// std::runtime_error; the scan then reads the file again.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "fuzz_pipeline.h"
#include "store/stored_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    congvan::Record record;
    try {
        record = congvan::decode_record(std::string(reinterpret_cast<const char*>(data), size));
    } catch (const std::runtime_error&) {
        return 0;
    }
    congvan::fuzz::check_and_write(record);
    return 0;
}
