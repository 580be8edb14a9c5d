// The status bar: progress of the simulation in flight, size and duration of the run shown,
// and the last message (saved, exported, or what went wrong).

#include <cstdio>
#include <string>
#include <vector>

#include "core/translations.hpp"
#include "panels/panels.hpp"
#include "panels/style.hpp"
#include "scenario/replication_draws.hpp"

namespace werkstroom::viz::panels {

void status_bar(const JobStatus& status, const FinishedRun* run, const ViewState& view,
                const std::string& message) {
  const Language lang = view.language;
  if (status.running) {
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%zu / %zu %s", status.done, status.total,
                  tr("replications", lang));
    ImGui::TextUnformatted(tr("Simulating", lang));
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(status.fraction()), {260.0F, 0.0F}, overlay);
  } else if (run != nullptr) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(style::kGood), "%s", tr("Ready", lang));
  } else {
    ImGui::TextDisabled("%s", tr("No results yet", lang));
  }
  if (run != nullptr) {
    ImGui::SameLine(0.0F, 24.0F);
    ImGui::TextDisabled("%zu %s x %d %s, %s %llu, %.1f s", run->results.size(),
                        tr("scenarios", lang), run->replications, tr("replications", lang),
                        tr("seed", lang), static_cast<unsigned long long>(run->master_seed),
                        run->seconds);
    ImGui::SameLine(0.0F, 24.0F);
    ImGui::TextDisabled("%s", tr("Bands and table: 5%-95% of replications", lang));
    // What the bands contain (scenario/replication_draws.hpp), listed when hovered.
    if (!run->runs.empty()) {
      const std::vector<std::string> sources = scenario::uncertainty_sources(
          run->runs.front().parameters, lang == experiment::Language::nl);
      ImGui::SameLine(0.0F, 8.0F);
      ImGui::TextDisabled("(%zu %s)", sources.size(), tr("sources of uncertainty", lang));
      if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(tr("The bands contain", lang));
        for (const std::string& line : sources) ImGui::BulletText("%s", line.c_str());
        ImGui::EndTooltip();
      }
    }
  }
  if (!status.error.empty()) {
    ImGui::SameLine(0.0F, 24.0F);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(style::kBad), "%s", status.error.c_str());
  }
  if (!message.empty()) {
    ImGui::SameLine(0.0F, 24.0F);
    ImGui::TextUnformatted(message.c_str());
  }
}

}  // namespace werkstroom::viz::panels
