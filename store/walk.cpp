// The folder walk of `congvan scan`: which files are documents (store/walk.h).
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <set>

#include "text/messages.h"
#include "walk.h"

namespace congvan {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

// One folder tree, folder by folder: a folder that cannot be read is reported and
// the walk goes on with its siblings (a recursive_directory_iterator stops there).
class Walk {
public:
    Walk(const std::string& database, WalkResult& result) : result_(result) {
        if (database.empty()) return;
        std::error_code ec;
        fs::path db = fs::weakly_canonical(database, ec);
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) own_.insert(db.string() + suffix);
    }

    void add(const fs::path& p) {
        std::error_code ec;
        if (!own_.count(fs::weakly_canonical(p, ec))) result_.files.push_back(p.string());
    }

    // Hidden files and folders (.git, .congvan.yaml) are not documents. Links are
    // followed (a curated set is often a folder of links), each folder once by its
    // real path, so a loop of links ends.
    void tree(const fs::path& root) {
        std::error_code ec;
        folders_seen_.insert(fs::weakly_canonical(root, ec));
        std::vector<fs::path> folders{root};
        while (!folders.empty()) {
            fs::path folder = std::move(folders.back());
            folders.pop_back();
            for (const auto& entry : entries_of(folder)) {
                const fs::path& p = entry.path();
                std::error_code entry_ec;
                if (hidden(p)) continue;
                if (entry.is_directory(entry_ec)) {
                    if (folders_seen_.insert(fs::weakly_canonical(p, entry_ec)).second) folders.push_back(p);
                    else if (entry.is_symlink(entry_ec)) pass_over(p, encoded(message("error.link-seen")));
                } else if (entry.is_regular_file(entry_ec)) {
                    add(p);
                } else if (entry.is_symlink(entry_ec)) {
                    pass_over(p, link_reason(p));
                } else {
                    pass_over(p, encoded(message("error.not-regular")));
                }
            }
        }
    }

private:
    std::vector<fs::directory_entry> entries_of(const fs::path& folder) {
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
        if (ec) result_.unreadable.push_back({folder.string(), encoded(message("error.cannot-read-folder", {{"why", ec.message()}}))});
        return entries;
    }
    // Why a link that is neither a file nor a folder is passed over: it leads
    // round in a loop, to a device or FIFO, or nowhere.
    static std::string link_reason(const fs::path& p) {
        std::error_code ec;
        fs::file_status target = fs::status(p, ec);
        if (ec.value() == ELOOP) return encoded(message("error.link-loop"));
        if (fs::exists(target)) return encoded(message("error.not-regular"));
        return encoded(message("error.broken-link"));
    }
    void pass_over(const fs::path& p, const std::string& why) { result_.passed_over.push_back({p.string(), why}); }

    WalkResult& result_;
    std::set<fs::path> own_, folders_seen_;
};

}  // namespace

WalkResult collect_files(const std::vector<std::string>& inputs, const std::string& database) {
    WalkResult result;
    Walk walk(database, result);
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) walk.tree(input);
        else if (fs::exists(input, ec)) walk.add(input);
        else result.missing.push_back(input);
    }
    std::sort(result.files.begin(), result.files.end());
    result.files.erase(std::unique(result.files.begin(), result.files.end()), result.files.end());
    return result;
}

}  // namespace congvan
