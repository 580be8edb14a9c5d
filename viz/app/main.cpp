// werkstroom-viz: the desktop viewer. Opens the scenario files given (default: the Gooi en
// Vechtstreek baseline and the 3-fte scale-up), simulates them in the background and shows
// charts and key figures. With --screenshot it renders until the simulation has finished,
// saves the window as PNG and exits (for tests and documentation).

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/frame_presenter.hpp"
#include "app/screenshot.hpp"
#include "app/viewer.hpp"
#include "build_info.hpp"
#include "core/scenario_set.hpp"
#include "core/settings.hpp"
#include "io/data_dir.hpp"
#include "panels/style.hpp"
#include "results/robustness_files.hpp"

namespace {

using werkstroom::experiment::Language;

struct Options {
  std::string screenshot;
  int width = 1600;
  int height = 1000;
  int replications = 100;
  int threads = 0;
  Language language = Language::nl;
  bool language_given = false;
  bool replications_given = false;
  double timeout_seconds = 300.0;
  std::string bench_lever;    // screenshot mode: a lever to move after the first results
  bool full_redraw = false;   // draw every frame whole, even where only part of it changed
  bool check_redraw = false;  // screenshot mode: compare the picture with one drawn whole
  std::optional<werkstroom::viz::MainTab> tab;  // the tab to show first
  std::vector<std::filesystem::path> paths;
  std::string command_line;
  std::string robustness;  // a `werkstroom robustness --out` file to show in its own tab
};

void usage() {
  std::fputs(
      "usage: werkstroom-viz [options] [scenario.toml | folder | results.h5]...\n"
      "  --screenshot FILE.png  render until the simulation has finished, save the window, exit\n"
      "  --width W --height H   window size (default 1600 x 1000)\n"
      "  --reps N               replications per scenario (default 100)\n"
      "  --threads T            worker threads (default: all)\n"
      "  --lang nl|en           language (default nl)\n"
      "  --timeout S            screenshot mode: give up after S seconds (default 300)\n"
      "  --tab T                the tab to show first: service | monitor | explorer | scale-up |\n"
      "                         robustness\n"
      "  --robustness FILE.h5   show the tornado of a `werkstroom robustness --out` file\n"
      "  --full-redraw          draw every frame whole (by default only what changed is redrawn\n"
      "                         where the OpenGL driver keeps the picture between frames)\n"
      "  --check-redraw         screenshot mode: draw one more frame whole and fail if any pixel\n"
      "                         differs from the picture drawn piece by piece\n"
      "  --bench-lever L        screenshot mode: after the first results, move lever L of the\n"
      "                         selected scenario as a released slider does and time the\n"
      "                         re-simulation (L: advisors | inflow (threatened workers) |\n"
      "                         inflow-ww (new WW, the largest cohort) | bankruptcy (100 staff))\n"
      "  --version              print the version and source revision, and exit\n"
      "Without scenarios: the last opened set, else the two of the main job from the data\n"
      "folder ($WERKSTROOM_DATA, else ../share/werkstroom beside the program, else the source).\n",
      stderr);
}

int parse_int(const std::string& option, const char* text, int lo, int hi) {
  char* end = nullptr;
  const long v = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < lo || v > hi) {
    std::fprintf(stderr, "werkstroom-viz: %s: expected an integer in [%d, %d], found \"%s\"\n",
                 option.c_str(), lo, hi, text);
    std::exit(2);
  }
  return static_cast<int>(v);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 0; i < argc; ++i) {
    if (i > 0) o.command_line += ' ';
    o.command_line += argv[i];
  }
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "werkstroom-viz: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      usage();
      std::exit(0);
    } else if (a == "--version") {
      std::printf("werkstroom %s (%s)\n", werkstroom::version(), werkstroom::revision());
      std::exit(0);
    } else if (a == "--screenshot") {
      o.screenshot = value();
    } else if (a == "--width") {
      o.width = parse_int(a, value(), 320, 10000);
    } else if (a == "--height") {
      o.height = parse_int(a, value(), 240, 10000);
    } else if (a == "--reps") {
      o.replications = parse_int(a, value(), 1, 100000);
      o.replications_given = true;
    } else if (a == "--threads") {
      o.threads = parse_int(a, value(), 0, 1024);
    } else if (a == "--timeout") {
      o.timeout_seconds = parse_int(a, value(), 1, 86400);
    } else if (a == "--full-redraw") {
      o.full_redraw = true;
    } else if (a == "--check-redraw") {
      o.check_redraw = true;
    } else if (a == "--tab") {
      const std::string t = value();
      if (t == "service") {
        o.tab = werkstroom::viz::MainTab::charts;
      } else if (t == "monitor") {
        o.tab = werkstroom::viz::MainTab::monitor;
      } else if (t == "explorer") {
        o.tab = werkstroom::viz::MainTab::explorer;
      } else if (t == "scale-up") {
        o.tab = werkstroom::viz::MainTab::scale_up;
      } else if (t == "robustness") {
        o.tab = werkstroom::viz::MainTab::robustness;
      } else {
        std::fprintf(stderr,
                     "werkstroom-viz: --tab: expected service, monitor, explorer, scale-up or "
                     "robustness, found \"%s\"\n",
                     t.c_str());
        std::exit(2);
      }
    } else if (a == "--robustness") {
      o.robustness = value();
    } else if (a == "--bench-lever") {
      o.bench_lever = value();
      if (o.bench_lever != "advisors" && o.bench_lever != "inflow" &&
          o.bench_lever != "inflow-ww" && o.bench_lever != "bankruptcy") {
        std::fprintf(stderr,
                     "werkstroom-viz: --bench-lever: expected advisors, inflow, inflow-ww or "
                     "bankruptcy, found \"%s\"\n",
                     o.bench_lever.c_str());
        std::exit(2);
      }
    } else if (a == "--lang") {
      try {
        o.language = werkstroom::experiment::parse_language(value());
        o.language_given = true;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "werkstroom-viz: %s\n", e.what());
        std::exit(2);
      }
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "werkstroom-viz: unknown option %s\n", a.c_str());
      usage();
      std::exit(2);
    } else {
      o.paths.emplace_back(a);
    }
  }
  return o;
}

// RGB pixels that differ between two pictures of one size (all of them for two sizes).
std::size_t differing_pixels(const std::vector<unsigned char>& a,
                             const std::vector<unsigned char>& b) {
  if (a.size() != b.size()) return std::max(a.size(), b.size()) / 3;
  std::size_t differing = 0;
  for (std::size_t i = 0; i + 2 < a.size(); i += 3) {
    if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) ++differing;
  }
  return differing;
}

void glfw_error(int code, const char* description) {
  std::fprintf(stderr, "werkstroom-viz: GLFW error %d: %s\n", code, description);
}

}  // namespace

int main(int argc, char** argv) {
  Options options = parse(argc, argv);
  const bool screenshot_mode = !options.screenshot.empty();

  // HDF5 files are opened by their schema: a results file brings its scenario files, a
  // robustness file its tab; anything else is refused here, naming the file (exit code 2).
  try {
    werkstroom::viz::ViewerInputs inputs = werkstroom::viz::sort_viewer_inputs(options.paths);
    for (const std::string& note : inputs.notes) {
      std::fprintf(stderr, "werkstroom-viz: %s\n", note.c_str());
    }
    options.paths = std::move(inputs.scenarios);
    if (inputs.robustness) {
      if (!options.robustness.empty()) {
        throw std::runtime_error(inputs.robustness->string() +
                                 ": a robustness file besides --robustness " + options.robustness);
      }
      options.robustness = inputs.robustness->string();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "werkstroom-viz: %s\n", e.what());
    return 2;
  }

  // The last opened set, language and replications, unless given on the command line.
  const std::filesystem::path settings_file = werkstroom::viz::settings_path();
  const werkstroom::viz::Settings settings = werkstroom::viz::load_settings(settings_file);
  if (!options.language_given && settings.language) options.language = *settings.language;
  if (!options.replications_given && settings.replications) {
    options.replications = *settings.replications;
  }
  if (options.paths.empty() && !screenshot_mode) {
    for (const std::string& f : settings.last_files) {
      std::error_code error;
      if (std::filesystem::is_regular_file(f, error)) options.paths.emplace_back(f);
    }
  }
  if (options.paths.empty()) {
    try {
      const std::filesystem::path dir = werkstroom::io::find_data_dir().scenarios();
      options.paths = {dir / "gooi-en-vechtstreek.toml", dir / "scale-up-3fte.toml"};
    } catch (const werkstroom::io::DataDirError& e) {
      std::fprintf(stderr, "werkstroom-viz: %s\n", e.what());
      return 2;
    }
  }

  // A robustness file is read before any window opens: a bad one is a usage error.
  std::optional<werkstroom::results::RobustnessTornado> robustness;
  if (!options.robustness.empty()) {
    try {
      robustness = werkstroom::results::read_robustness_tornado(options.robustness);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "werkstroom-viz: --robustness: %s\n", e.what());
      return 2;
    }
  }

  glfwSetErrorCallback(glfw_error);
  if (glfwInit() == 0) {
    std::fputs("werkstroom-viz: cannot initialise GLFW (is there a display?)\n", stderr);
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  if (screenshot_mode) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, "werkstroom-viz", nullptr, nullptr);
  if (window == nullptr) {
    std::fputs("werkstroom-viz: cannot create an OpenGL 3.0 window\n", stderr);
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(screenshot_mode ? 0 : 1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is fixed; the viewer keeps its own settings
  werkstroom::viz::style::setup();
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  // Redraws only what changed, where the driver allows it; the window system's expose events
  // (another window was on top) ask for a whole frame.
  werkstroom::viz::FramePresenter presenter(window, !options.full_redraw);
  glfwSetWindowUserPointer(window, &presenter);
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) {
    static_cast<werkstroom::viz::FramePresenter*>(glfwGetWindowUserPointer(w))->invalidate();
  });

  int exit_code = 0;
  {
    werkstroom::viz::ViewerOptions viewer_options;
    viewer_options.language = options.language;
    viewer_options.replications = options.replications;
    viewer_options.threads = options.threads;
    viewer_options.remember_settings = !screenshot_mode;
    viewer_options.settings_file = settings_file;
    viewer_options.command_line = options.command_line;
    viewer_options.robustness = robustness;
    viewer_options.robustness_file = options.robustness;
    viewer_options.keys.open = GLFW_KEY_O;
    viewer_options.keys.save = GLFW_KEY_S;
    viewer_options.keys.export_all = GLFW_KEY_E;
    viewer_options.keys.language = GLFW_KEY_L;
    viewer_options.keys.quit = GLFW_KEY_Q;
    viewer_options.keys.rerun = GLFW_KEY_F5;
    werkstroom::viz::Viewer viewer(viewer_options);
    viewer.view().requested_tab = options.tab;
    if (!viewer.open(options.paths)) {
      std::fprintf(stderr, "werkstroom-viz: %s\n", viewer.message().c_str());
      if (screenshot_mode) exit_code = 2;
    }

    auto started = std::chrono::steady_clock::now();
    int frames_after_results = 0;
    // Screenshot mode reports how long the simulation took and how many frames were drawn
    // meanwhile (the viewer benchmark in BENCHMARKS.md); with --bench-lever it does so for the
    // re-simulation after a lever moves, which is what a user waits for after a slider.
    int frames_while_simulating = 0;
    double seconds_to_results = 0.0;
    bool lever_pending = !options.bench_lever.empty();
    // Frames drawn after the results arrive before the picture is taken (layout and fonts
    // settle); they also measure the frame rate of the idle window showing results.
    constexpr int kSettleFrames = 30;
    auto results_shown = started;
    const auto report = [&](const char* what) {
      std::fprintf(stderr,
                   "werkstroom-viz: %s: results after %.2f s; %d frames drawn meanwhile "
                   "(%.1f frames/s)\n",
                   what, seconds_to_results, frames_while_simulating,
                   seconds_to_results > 0.0 ? frames_while_simulating / seconds_to_results : 0.0);
    };
    auto frame_started = std::chrono::steady_clock::now();
    while (exit_code == 0 && glfwWindowShouldClose(window) == 0 && !viewer.quit_requested()) {
      // While a simulation runs, draw at up to 40 frames a second (progress and the rest of
      // the interface stay live, with a margin over 30; every frame more is taken from the
      // simulation on a machine without a GPU): wait only for what is left of the frame
      // period after the last frame's drawing. When idle, sleep until an event (or half a second).
      // Screenshot mode paces its frames the same way so that what it measures is what a user gets.
      constexpr double kFramePeriod = 1.0 / 40.0;
      if (viewer.job().status().running || screenshot_mode) {
        const double since_frame =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - frame_started).count();
        if (since_frame < kFramePeriod) {
          glfwWaitEventsTimeout(kFramePeriod - since_frame);
        } else {
          glfwPollEvents();
        }
      } else {
        glfwWaitEventsTimeout(0.5);
        // Drawing only what changed, frames are not tied to the display's refresh by a buffer
        // swap: a moving mouse would draw hundreds a second. Keep to 60.
        constexpr double kIdleFramePeriod = 1.0 / 60.0;
        const double since_frame =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - frame_started).count();
        if (presenter.partial() && since_frame < kIdleFramePeriod) {
          std::this_thread::sleep_for(
              std::chrono::duration<double>(kIdleFramePeriod - since_frame));
          glfwPollEvents();
        }
      }
      frame_started = std::chrono::steady_clock::now();
      // Whether this frame draws the newest results (the viewer takes them at its start).
      const bool drawn_with_results = viewer.results_current();
      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      ImGui::NewFrame();
      viewer.frame();
      ImGui::Render();
      int fb_width = 0;
      int fb_height = 0;
      glfwGetFramebufferSize(window, &fb_width, &fb_height);
      presenter.draw(*ImGui::GetDrawData(), fb_width, fb_height);

      const float scale_x =
          io.DisplaySize.x > 0.0F ? static_cast<float>(fb_width) / io.DisplaySize.x : 1.0F;
      const float scale_y =
          io.DisplaySize.y > 0.0F ? static_cast<float>(fb_height) / io.DisplaySize.y : 1.0F;
      if (const auto request = viewer.take_png_request()) {
        const auto& r = request->rect;
        const bool ok = werkstroom::viz::save_framebuffer_png(
            request->path, static_cast<int>(r.min.x * scale_x), static_cast<int>(r.min.y * scale_y),
            static_cast<int>((r.max.x - r.min.x) * scale_x),
            static_cast<int>((r.max.y - r.min.y) * scale_y), fb_height);
        viewer.png_written(request->path, ok);
      }
      if (screenshot_mode) {
        if (!drawn_with_results) {
          ++frames_while_simulating;
        } else {
          if (frames_after_results == 0) {
            // The results are shown once the first frame drawn with them is: its drawing (the
            // bands and tables computed from the new results) is part of the wait.
            results_shown = std::chrono::steady_clock::now();
            seconds_to_results = std::chrono::duration<double>(results_shown - started).count();
          }
          ++frames_after_results;
        }
        if (lever_pending && frames_after_results >= kSettleFrames) {
          report("first run");
          lever_pending = false;
          werkstroom::viz::Levers& levers =
              viewer.view().levers.at(viewer.view().selected_scenario);
          // advisors: the centre only, every population part is reused; inflow, inflow-ww:
          // one cohort's part is built again (the threatened workers, or the new WW inflow,
          // the largest cohort); bankruptcy: one part more.
          if (options.bench_lever == "advisors") {
            levers.advisors += 1;
          } else if (options.bench_lever == "inflow") {
            levers.inflow_multiplier[static_cast<std::size_t>(
                werkstroom::model::Cohort::threatened)] *= 1.2;
          } else if (options.bench_lever == "inflow-ww") {
            levers.inflow_multiplier[static_cast<std::size_t>(
                werkstroom::model::Cohort::ww_inflow)] *= 1.2;
          } else {
            levers.bankruptcy.staff = 100;
          }
          if (!viewer.apply_levers_and_rerun()) {
            std::fprintf(stderr, "werkstroom-viz: --bench-lever: %s\n", viewer.message().c_str());
            exit_code = 1;
            break;
          }
          started = std::chrono::steady_clock::now();
          frames_while_simulating = 0;
          frames_after_results = 0;
          seconds_to_results = 0.0;
        }
        // A few frames after the results arrive, so layout and fonts have settled.
        if (!lever_pending && frames_after_results >= kSettleFrames) {
          const bool ok = werkstroom::viz::save_framebuffer_png(options.screenshot, 0, 0, fb_width,
                                                                fb_height, fb_height);
          if (!ok) {
            std::fprintf(stderr, "werkstroom-viz: cannot write %s\n", options.screenshot.c_str());
            exit_code = 1;
          } else {
            std::fprintf(stderr, "werkstroom-viz: wrote %s (%d x %d)\n", options.screenshot.c_str(),
                         fb_width, fb_height);
            report(options.bench_lever.empty() ? "first run"
                                               : ("after moving " + options.bench_lever).c_str());
            const double idle_seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - results_shown)
                    .count();
            const auto cache = viewer.population_cache_counts();
            std::fprintf(stderr,
                         "werkstroom-viz: population cache: %llu parts reused, %llu built, %zu "
                         "kept (%.0f MiB)\n",
                         static_cast<unsigned long long>(cache.reused),
                         static_cast<unsigned long long>(cache.built), cache.entries,
                         static_cast<double>(cache.bytes) / (1024.0 * 1024.0));
            std::fprintf(stderr,
                         "werkstroom-viz: idle with results: %.1f frames/s (capped at 40 by the "
                         "frame pacing)\n",
                         idle_seconds > 0.0 ? (kSettleFrames - 1) / idle_seconds : 0.0);
            std::fprintf(stderr, "werkstroom-viz: frames drawn %s; %.0f%% of the pixels redrawn\n",
                         presenter.partial() ? "where they changed" : "whole",
                         100.0 * presenter.redrawn_share());
            if (options.check_redraw) {
              // The settled window draws the same frame again: drawn whole now, it must give
              // the picture the frames drawn piece by piece left in the buffer.
              const std::vector<unsigned char> pieced =
                  werkstroom::viz::read_framebuffer_rgb(0, 0, fb_width, fb_height, fb_height);
              ImGui_ImplOpenGL3_NewFrame();
              ImGui_ImplGlfw_NewFrame();
              ImGui::NewFrame();
              viewer.frame();
              ImGui::Render();
              presenter.invalidate();
              presenter.draw(*ImGui::GetDrawData(), fb_width, fb_height);
              const std::vector<unsigned char> whole =
                  werkstroom::viz::read_framebuffer_rgb(0, 0, fb_width, fb_height, fb_height);
              const std::size_t differing = differing_pixels(whole, pieced);
              std::fprintf(stderr,
                           "werkstroom-viz: redraw check: %zu pixels differ between the picture "
                           "drawn piece by piece and the one drawn whole\n",
                           differing);
              if (differing > 0) exit_code = 1;
            }
          }
          break;
        }
        const werkstroom::viz::JobStatus status = viewer.job().status();
        if (!status.error.empty()) {
          std::fprintf(stderr, "werkstroom-viz: simulation failed: %s\n", status.error.c_str());
          exit_code = 1;
          break;
        }
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (elapsed > options.timeout_seconds) {
          std::fputs("werkstroom-viz: timed out waiting for the simulation\n", stderr);
          exit_code = 1;
          break;
        }
      }
      presenter.show();
    }
  }

  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
