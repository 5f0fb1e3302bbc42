#include "helpers.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "congvan_version.h"
#include "reading/loader.h"
#include "text/edit_distance.h"
#include "text/normalize.h"

namespace congvan::test {

const std::vector<std::string> kSeedNames = {"lao-cai-2022-cong-van", "bgddt-2020-huong-dan", "bac-kan-2022-ke-hoach",
                                             "dak-lak-2023-ke-hoach", "hung-yen-2021-bao-cao"};

std::string samples_dir() { return CONGVAN_SOURCE_DIR "/corpus/samples"; }
std::string fixtures_dir() { return CONGVAN_FIXTURES_DIR; }
std::string fixture(const std::string& name) { return fixtures_dir() + "/" + name; }
std::string sample(const std::string& name) { return samples_dir() + "/" + name; }
std::string test_data(const std::string& name) { return CONGVAN_SOURCE_DIR "/tests/data/" + name; }
std::string real_document(const std::string& kind, const std::string& name) {
    return CONGVAN_SOURCE_DIR "/corpus/real/" + kind + "/" + name;
}

namespace {

std::string drain(int fd) {
    std::string out;
    char buffer[65536];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    return out;
}

}  // namespace

std::vector<std::string> lines_of(const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

ProcessResult run_congvan(const std::vector<std::string>& args, const std::string& standard_input) {
    std::vector<std::string> argv{CONGVAN_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, standard_input);
}

ProcessResult run_program(const std::vector<std::string>& program_and_args, const std::string& standard_input) {
    int out_pipe[2], err_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return {};
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out_pipe[1], 1);
        dup2(err_pipe[1], 2);
        if (!standard_input.empty()) dup2(open(standard_input.c_str(), O_RDONLY), 0);
        close(out_pipe[0]);
        close(err_pipe[0]);
        close(out_pipe[1]);
        close(err_pipe[1]);
        std::vector<char*> argv;
        for (const auto& a : program_and_args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out_pipe[1]);
    close(err_pipe[1]);
    ProcessResult result;
    std::thread err_reader([&] { result.err = drain(err_pipe[0]); });
    result.out = drain(out_pipe[0]);
    err_reader.join();
    int status = 0;
    struct rusage usage {};
    wait4(pid, &status, 0, &usage);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.peak_rss_kib = usage.ru_maxrss;
    return result;
}

int spawn_congvan(const std::vector<std::string>& args) { return spawn_congvan_writing_to(args, "/dev/null"); }

int spawn_congvan_writing_to(const std::vector<std::string>& args, const char* path) {
    pid_t pid = fork();
    if (pid == 0) {
        int out = open(path, O_WRONLY), null = open("/dev/null", O_WRONLY);
        dup2(out, 1);
        dup2(null, 2);
        std::vector<char*> argv{const_cast<char*>(CONGVAN_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(CONGVAN_BINARY, argv.data());
        _exit(127);
    }
    return pid;
}

int wait_for(int pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string flat_text(const Document& doc) {
    std::string out;
    for (const auto& page : doc.pages)
        for (const auto& line : page.lines) out += line.text + ' ';
    return collapse_whitespace(out);
}

std::string collapse_whitespace(const std::string& s) { return clean_line(s); }

double character_error_rate(const std::string& truth, const std::string& recognised) {
    auto a = to_u32(truth), b = to_u32(recognised);
    if (a.empty()) return b.empty() ? 0.0 : 1.0;
    return static_cast<double>(edit_distance<char32_t>(a, b)) / static_cast<double>(a.size());
}

std::string one_page_pdf(int width_pt, int height_pt, const std::string& content) {
    return pdf_of_objects({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width_pt) + " " + std::to_string(height_pt) +
                               "] /Contents 4 0 R >>",
                           "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"});
}

const Document& loaded_fixture(const std::string& file) {
    static std::mutex mutex;
    static std::map<std::string, Document> cache;
    static TaskPool pool(2);
    std::lock_guard lock(mutex);
    auto it = cache.find(file);
    if (it == cache.end()) {
        LoadOptions options;
        options.pool = &pool;
        it = cache.emplace(file, load_document(fixture(file), options)).first;
    }
    return it->second;
}

const Document& scanned_seed(const std::string& name) { return loaded_fixture(name + ".scan.pdf"); }

std::string sarif_problems(const std::string& log) {
    std::string path = (std::filesystem::temp_directory_path() / ("congvan-" + std::to_string(getpid()) + ".sarif")).string();
    std::ofstream(path, std::ios::binary) << log;
    auto r = run_program(
        {"/usr/bin/python3", CONGVAN_SOURCE_DIR "/tools/validate_sarif.py", CONGVAN_SOURCE_DIR "/tests/data/sarif-2.1.0-rtm.5.json", path});
    std::filesystem::remove(path);
    return r.exit_code == 0 ? "" : r.out + r.err + " (exit " + std::to_string(r.exit_code) + ")";
}

std::string fresh_temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string with_replaced(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    if (at == std::string::npos) throw std::invalid_argument("no '" + from + "' to replace");
    return text.replace(at, from.size(), to);
}

std::vector<nlohmann::json> jsonl_documents(const std::string& stream) {
    std::vector<nlohmann::json> documents;
    std::vector<std::string> types;
    std::istringstream in(stream);
    for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line);
        REQUIRE(j.size() == 2);
        REQUIRE(j.contains("data"));
        types.push_back(j.at("type").get<std::string>());
        if (types.back() == "document") documents.push_back(j["data"]);
    }
    REQUIRE(types.size() >= 2);
    CHECK(types.front() == "begin");
    CHECK(types.back() == "summary");
    return documents;
}

}  // namespace congvan::test
