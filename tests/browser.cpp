#include "browser.h"

#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>

namespace congvan::test {

namespace {
const char* kChromium = "/usr/bin/chromium";
}

std::string own_dir(const std::string& name) {
    static int made = 0;
    return fresh_temp_dir(name + "-" + std::to_string(getpid()) + "-" + std::to_string(++made));
}

ProcessResult chromium(const std::vector<std::string>& args) {
    std::string profile = own_dir("congvan-chromium-profile");
    std::vector<std::string> argv{kChromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile};
    argv.insert(argv.end(), args.begin(), args.end());
    auto result = run_program(argv);
    std::filesystem::remove_all(profile);
    return result;
}

std::string dom_of(const std::string& html_file) {
    auto r = chromium({"--dump-dom", "file://" + html_file});
    REQUIRE(r.exit_code == 0);
    return r.out;
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

}  // namespace congvan::test
