// vitrine-pack stats [--config FILE] [--root DIR] [--csv]: the kiosk's anonymous visitor counts,
// per day, for the curator.
#include "pack_tool.h"
#include "visit_log.h"

#include <map>

namespace pack_tool {
namespace {

// CSV fields are ids and names from the pack: quote them all, doubling quotes.
std::string csv(const std::string& field) {
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

int run_stats(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {"--csv"}, {"--root", "--config"});
    if (!o.error.empty()) return usage_error("stats", o.error);
    if (!o.positional.empty()) return usage_error("stats", "takes no DIR; use --root");
    const std::optional<KioskPaths> where = kiosk_paths(o, "stats");
    if (!where) return kExitInvalid;
    const std::string path = where->root + "/stats.db";
    std::vector<platform::DailyCount> rows;
    std::string error;
    if (!platform::read_daily_counts(path, rows, &error)) {
        std::fprintf(stderr, "vitrine-pack stats: %s\n", error.c_str());
        return kExitInvalid;
    }
    if (o.has("--csv")) {
        std::printf("day,metric,item,count,total_ms\n");
        for (const auto& r : rows)
            std::printf("%s,%s,%s,%lld,%lld\n", r.day.c_str(), r.metric.c_str(), csv(r.item).c_str(),
                        static_cast<long long>(r.count), static_cast<long long>(r.total_ms));
        return kExitOk;
    }
    // A short summary per day: visits and their median-free average length.
    std::map<std::string, std::pair<int64_t, int64_t>> visits;
    for (const auto& r : rows)
        if (r.metric == "session_time") visits[r.day] = {r.count, r.total_ms};
    std::printf("%-12s %8s %14s\n", "day", "visits", "average visit");
    for (const auto& [day, v] : visits)
        std::printf("%-12s %8lld %12.0f s\n", day.c_str(), static_cast<long long>(v.first),
                    v.first ? double(v.second) / double(v.first) / 1000.0 : 0.0);
    std::printf("(%s; --csv for every count)\n", plural(rows.size(), "row").c_str());
    return kExitOk;
}

}  // namespace

VITRINE_PACK_COMMAND(70, "stats", "[--config FILE] [--root DIR] [--csv]",
                     "the kiosk's anonymous visitor counts per day (default root /var/lib/vitrine)", run_stats);

}  // namespace pack_tool
