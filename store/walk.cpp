// The folder walk of `congvan scan`: which files are documents (store/scan.h).
#include <algorithm>
#include <filesystem>
#include <set>

#include "scan.h"

namespace congvan {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

}  // namespace

std::vector<std::string> collect_files(const std::vector<std::string>& inputs, const std::string& database,
                                       std::vector<std::string>* missing, std::vector<std::string>* passed_over) {
    std::vector<std::string> files;
    std::set<fs::path> own;
    if (!database.empty()) {
        std::error_code ec;
        fs::path db = fs::weakly_canonical(database, ec);
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) own.insert(db.string() + suffix);
    }
    auto add = [&](const fs::path& p) {
        std::error_code ec;
        if (!own.count(fs::weakly_canonical(p, ec))) files.push_back(p.string());
    };
    auto pass_over = [&](const fs::path& p, const std::string& why) {
        if (passed_over) passed_over->push_back(p.string() + ": " + why);
    };
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            // Hidden files and folders (.git, .congvan.yaml) are not documents. Links
            // are followed (a curated set is often a folder of links), each folder
            // once by its real path, so a loop of links ends.
            std::set<fs::path> folders_seen{fs::weakly_canonical(input, ec)};
            auto it = fs::recursive_directory_iterator(input, fs::directory_options::follow_directory_symlink, ec);
            if (ec) pass_over(input, "cannot read folder: " + ec.message());
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const fs::path& p = it->path();
                std::error_code entry_ec;
                if (hidden(p)) {
                    if (it->is_directory(entry_ec)) it.disable_recursion_pending();
                    continue;
                }
                if (it->is_directory(entry_ec)) {
                    if (!folders_seen.insert(fs::weakly_canonical(p, entry_ec)).second) {
                        it.disable_recursion_pending();
                        if (it->is_symlink(entry_ec)) pass_over(p, "link to a folder already scanned");
                    }
                } else if (it->is_regular_file(entry_ec)) {
                    add(p);
                } else if (it->is_symlink(entry_ec)) {
                    pass_over(p, "broken symbolic link");
                } else {
                    pass_over(p, "not a regular file");
                }
            }
            if (ec) pass_over(input, "cannot read folder: " + ec.message());
        } else if (fs::exists(input, ec)) {
            add(input);
        } else if (missing) {
            missing->push_back(input);
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace congvan
