#pragma once
// What the user looks at and has chosen, apart from any model data: the viewer's panels read
// and change this, the results stay in the SimulationJob.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/levers.hpp"
#include "experiment/language.hpp"

namespace werkstroom::viz {

enum class MainTab { charts, monitor, explorer, scale_up, robustness };

struct ViewState {
  experiment::Language language = experiment::Language::nl;
  std::size_t selected_scenario = 0;  // index into the open scenarios (the levers' target)
  std::vector<Levers> levers;         // per open scenario, starting at its own values
  std::string selected_indicator = "waiting_list_end";  // the explorer chart's series
  bool explorer_cumulative = false;
  MainTab tab = MainTab::charts;
  /// A tab to bring to the front at the next frame (then cleared), e.g. from --tab.
  std::optional<MainTab> requested_tab;
  bool show_bands = true;  // 5%-95% bands around the means
  int replications = 100;
  std::uint64_t master_seed = 20201101;
  int threads = 0;
};

}  // namespace werkstroom::viz
