#include "core/domain.hpp"

namespace bostad {
namespace {

constexpr Code<Stage> k_stages[] = {
    {Stage::applied, "applied", "ansökt", "applied"},
    {Stage::granted, "granted", "beviljat", "granted"},
    {Stage::started, "started", "påbörjat", "started"},
    {Stage::completed, "completed", "färdigställt", "completed"},
    {Stage::refused, "refused", "avslaget", "refused"},
    {Stage::withdrawn, "withdrawn", "återkallat", "withdrawn"},
    {Stage::lapsed, "lapsed", "förfallet", "lapsed"},
};

constexpr Code<HouseType> k_house_types[] = {
    {HouseType::smahus, "småhus", "småhus", "one- or two-dwelling building"},
    {HouseType::flerbostadshus, "flerbostadshus", "flerbostadshus", "multi-dwelling building"},
    {HouseType::ovrigt, "övrigt", "övriga hus", "other building"},
};

constexpr Code<Tenure> k_tenures[] = {
    {Tenure::hyresratt, "hyresrätt", "hyresrätt", "rental"},
    {Tenure::bostadsratt, "bostadsrätt", "bostadsrätt", "tenant-owned"},
    {Tenure::aganderatt, "äganderätt", "äganderätt", "owner-occupied"},
};

constexpr Code<PlanStatus> k_plan_statuses[] = {
    {PlanStatus::paborjad, "påbörjad", "påbörjad", "started"},
    {PlanStatus::samrad, "samråd", "samråd", "consultation"},
    {PlanStatus::granskning, "granskning", "granskning", "review"},
    {PlanStatus::antagen, "antagen", "antagen", "adopted"},
    {PlanStatus::laga_kraft, "laga_kraft", "laga kraft", "legally binding"},
    {PlanStatus::overklagad, "överklagad", "överklagad", "appealed"},
    {PlanStatus::upphavd, "upphävd", "upphävd", "revoked"},
    {PlanStatus::avslutad, "avslutad", "avslutad", "discontinued"},
};

} // namespace

std::span<const Code<Stage>> stage_codes() { return k_stages; }
std::span<const Code<HouseType>> house_type_codes() { return k_house_types; }
std::span<const Code<Tenure>> tenure_codes() { return k_tenures; }
std::span<const Code<PlanStatus>> plan_status_codes() { return k_plan_statuses; }

bool is_municipality_code(std::string_view text) {
    if (text.size() != 4) return false;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

} // namespace bostad
