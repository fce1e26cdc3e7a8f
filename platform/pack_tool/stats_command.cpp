// vitrine-pack stats [--config FILE] [--root DIR] [--csv [--into DIR --name FILE]]: the kiosk's
// anonymous visitor counts, per day, for the curator. --into writes the CSV file
// itself, safely, into a folder on a USB stick (file_in_folder.h): a shell
// redirection would follow whatever link the stick holds at that name.
#include "base/printable.h"
#include "file_in_folder.h"
#include "pack_tool.h"
#include "visit_log.h"

#include <cerrno>
#include <cstring>
#include <map>

namespace pack_tool {
namespace {

// CSV fields are ids and names from the pack: quote them all, doubling quotes.
std::string csv(const std::string& field) {
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string csv_table(const std::vector<platform::DailyCount>& rows) {
    std::string out = "day,metric,item,count,total_ms\n";
    for (const auto& r : rows)
        out += kiosk::printable(r.day) + "," + kiosk::printable(r.metric) + "," + csv(kiosk::printable(r.item)) + "," +
               std::to_string(r.count) + "," + std::to_string(r.total_ms) + "\n";
    return out;
}

int run_stats(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {"--csv"}, {"--root", "--config", "--into", "--name"});
    if (!o.error.empty()) return usage_error("stats", o.error);
    if (!o.positional.empty()) return usage_error("stats", "takes no DIR; use --root");
    const std::string into = o.value("--into"), name = o.value("--name");
    if (!into.empty() || !name.empty()) {
        if (!o.has("--csv") || into.empty() || name.empty())
            return usage_error("stats", "--into DIR and --name FILE go together, with --csv");
    }
    const std::optional<KioskPaths> where = kiosk_paths(o, "stats");
    if (!where) return kExitInvalid;
    const std::string path = where->root + "/stats.db";
    std::vector<platform::DailyCount> rows;
    std::string error;
    if (!platform::read_daily_counts(path, rows, &error)) {
        std::fprintf(stderr, "vitrine-pack stats: %s\n", error.c_str());
        return kExitInvalid;
    }
    if (o.has("--csv") && !into.empty()) {
        if (!write_file_in_folder(into, name, csv_table(rows), &error)) {
            std::fprintf(stderr, "vitrine-pack stats: %s\n", error.c_str());
            return kExitInvalid;
        }
        std::printf("wrote %s to %s/%s\n", plural(rows.size(), "row").c_str(), kiosk::printable(into).c_str(),
                    kiosk::printable(name).c_str());
        return kExitOk;
    }
    if (o.has("--csv")) {
        const std::string table = csv_table(rows);
        if (std::fwrite(table.data(), 1, table.size(), stdout) != table.size() || std::fflush(stdout) != 0) {
            std::fprintf(stderr, "vitrine-pack stats: cannot write the statistics: %s\n", std::strerror(errno));
            return kExitInvalid;
        }
        return kExitOk;
    }
    // A short summary per day: visits and their median-free average length.
    std::map<std::string, std::pair<int64_t, int64_t>> visits;
    for (const auto& r : rows)
        if (r.metric == "session_time") visits[r.day] = {r.count, r.total_ms};
    std::printf("%-12s %8s %14s\n", "day", "visits", "average visit");
    for (const auto& [day, v] : visits)
        std::printf("%-12s %8lld %12.0f s\n", kiosk::printable(day).c_str(), static_cast<long long>(v.first),
                    v.first ? double(v.second) / double(v.first) / 1000.0 : 0.0);
    std::printf("(%s; --csv for every count)\n", plural(rows.size(), "row").c_str());
    return kExitOk;
}

}  // namespace

VITRINE_PACK_COMMAND(70, "stats", "[--config FILE] [--root DIR] [--csv [--into DIR --name FILE]]",
                     "the kiosk's anonymous visitor counts per day (default root /var/lib/vitrine); --into "
                     "writes the CSV as DIR/FILE, refusing links and anything but a real folder",
                     run_stats);

}  // namespace pack_tool
