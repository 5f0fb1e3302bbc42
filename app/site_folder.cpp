// The site's folder (app/site.h): built beside DIR and swapped in whole.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/site.h"
#include "text/messages.h"

namespace congvan {

namespace fs = std::filesystem;

namespace {

// Left in every site congvan makes: only a folder holding it (or an empty one) is
// replaced by the next report; any other is someone's and is refused.
constexpr const char* kSiteMarker = ".congvan-site";

bool replaceable(const fs::path& dir) {
    std::error_code error;
    auto status = fs::symlink_status(dir, error);
    if (!fs::exists(status)) return true;
    if (!fs::is_directory(status)) return false;
    return fs::is_empty(dir, error) || fs::is_regular_file(fs::symlink_status(dir / kSiteMarker, error));
}

// A fresh folder beside `target`, made by this process alone (mkdtemp), readable as
// a web server needs it.
fs::path fresh_folder_beside(const fs::path& target, const std::string& tag) {
    std::string name = target.string() + tag + "XXXXXX";
    if (!::mkdtemp(name.data())) throw std::runtime_error(message("error.cannot-write", {{"why", std::strerror(errno)}}).en);
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(name.c_str(), 0777 & ~mask);
    return name;
}

}  // namespace

// The site is built in a folder of its own beside DIR and swapped in whole at the
// end: an interrupted report leaves DIR as it was, a finished one leaves no page of
// an earlier one, and nothing planted inside DIR (a symbolic link) is written
// through, since nothing is written inside the old DIR.
SiteWritten write_archive_site(Archive& archive, const SiteOptions& options) {
    fs::path target = fs::absolute(options.directory).lexically_normal();
    if (target.filename().empty()) target = target.parent_path();
    if (!replaceable(target)) throw std::runtime_error(target.string() + ": " + message("error.site-not-ours").en);
    fs::create_directories(target.parent_path());
    fs::path building = fresh_folder_beside(target, ".congvan-");
    SiteWritten written;
    try {
        SiteOptions into = options;
        into.directory = building.string();
        written = build_site(archive, into);
        std::ofstream(building / kSiteMarker) << "congvan report\n";
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(building, ignored);
        throw;
    }
    std::error_code error;
    if (fs::exists(fs::symlink_status(target, error))) {
        fs::path old = fresh_folder_beside(target, ".congvan-old-");
        fs::rename(target, old);  // onto the empty folder just made: atomic
        fs::rename(building, target);
        fs::remove_all(old, error);
    } else {
        fs::rename(building, target);
    }
    return written;
}

}  // namespace congvan
