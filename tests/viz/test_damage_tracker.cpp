// The damage tracker (app/damage_tracker.hpp) with ImGui running headless: frames that draw
// the same give no damage; a changed item gives a rectangle that holds the item in both
// frames and little else; anything it cannot compare gives the whole display. (That drawing
// only the damage gives the picture of a whole redraw, pixel for pixel, is checked on the real
// window under Xvfb: werkstroom-viz --check-redraw, in tests/viz/run_screenshot.sh.)

#include <imgui.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <vector>

#include "app/damage_tracker.hpp"
#include "headless_imgui.hpp"

using namespace werkstroom;
using viz::DisplayRect;

namespace {

const DisplayRect kDisplay{0.0F, 0.0F, 1600.0F, 1000.0F};

bool contains(const DisplayRect& outer, const DisplayRect& inner) {
  return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x &&
         outer.max_y >= inner.max_y;
}

float area(const DisplayRect& r) {
  return r.empty() ? 0.0F : (r.max_x - r.min_x) * (r.max_y - r.min_y);
}

// A page of text and a progress bar; returns the progress bar's rectangle.
DisplayRect page(float progress, const char* note) {
  for (int i = 0; i < 20; ++i) ImGui::Text("Line %d of a page that does not change", i);
  ImGui::ProgressBar(progress, {300.0F, 0.0F});
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImGui::Text("%s", note);
  for (int i = 0; i < 20; ++i) ImGui::Text("Another line %d below it", i);
  return {min.x, min.y, max.x, max.y};
}

}  // namespace

TEST_CASE("the damage of a frame that draws the same as the last one is empty", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  imgui.frame([] { (void)page(0.25F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);  // the first frame: all of it
  imgui.frame([] { (void)page(0.25F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()).empty());
  tracker.invalidate();
  imgui.frame([] { (void)page(0.25F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);
}

TEST_CASE("the damage of a moved progress bar holds the bar and little else", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  DisplayRect bar;
  imgui.frame([&] { bar = page(0.25F, "note"); });
  (void)tracker.update(*ImGui::GetDrawData());
  imgui.frame([&] { bar = page(0.75F, "note"); });
  const DisplayRect damage = tracker.update(*ImGui::GetDrawData());
  REQUIRE_FALSE(damage.empty());
  // The bar's fill and its percentage text changed; the frame around it did not.
  CHECK(damage.min_y >= bar.min_y - 3.0F);
  CHECK(damage.max_y <= bar.max_y + 3.0F);
  CHECK(damage.min_x >= bar.min_x - 3.0F);
  CHECK(damage.max_x <= bar.max_x + 3.0F);
  CHECK(area(damage) < 0.02F * area(kDisplay));
}

TEST_CASE("the damage of a changed text holds the old and the new text", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  imgui.frame([] { (void)page(0.5F, "a rather long note that will become shorter"); });
  (void)tracker.update(*ImGui::GetDrawData());
  imgui.frame([] { (void)page(0.5F, "short"); });
  const DisplayRect damage = tracker.update(*ImGui::GetDrawData());
  REQUIRE_FALSE(damage.empty());
  const float long_width = ImGui::CalcTextSize("a rather long note that will become shorter").x;
  CHECK(damage.max_x - damage.min_x >= long_width);
  CHECK(damage.max_y - damage.min_y < 3.0F * ImGui::GetTextLineHeightWithSpacing());
}

TEST_CASE("a window more or a new display size damages the whole display", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  imgui.frame([] { (void)page(0.5F, "note"); });
  (void)tracker.update(*ImGui::GetDrawData());
  const auto with_second_window = [] {
    (void)page(0.5F, "note");
    ImGui::SetNextWindowPos({400.0F, 300.0F});
    ImGui::SetNextWindowSize({200.0F, 100.0F});
    ImGui::Begin("second");
    ImGui::Text("a window of its own");
    ImGui::End();
  };
  imgui.frame(with_second_window);
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);
  ImGui::GetIO().DisplaySize = {1200.0F, 800.0F};
  imgui.frame([] { (void)page(0.5F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()) == (DisplayRect{0.0F, 0.0F, 1200.0F, 800.0F}));
}

TEST_CASE("clipping a frame to a rectangle cuts every clip rectangle to it", "[viz]") {
  test::HeadlessImGui imgui;
  imgui.frame([] { (void)page(0.5F, "note"); });
  ImDrawData& frame = *ImGui::GetDrawData();
  const DisplayRect keep{100.0F, 200.0F, 300.0F, 260.0F};
  viz::clip_draw_data(frame, keep);
  int commands = 0;
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    for (const ImDrawCmd& cmd : frame.CmdLists[l]->CmdBuffer) {
      const DisplayRect clip{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w};
      CHECK((clip.empty() || contains(keep, clip)));
      ++commands;
    }
  }
  CHECK(commands > 0);
  const DisplayRect outside{1500.0F, 900.0F, 1600.0F, 1000.0F};
  viz::clip_draw_data(frame, outside);
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    for (const ImDrawCmd& cmd : frame.CmdLists[l]->CmdBuffer) {
      CHECK(DisplayRect{cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w}.empty());
    }
  }
}

namespace {
// The pixels (left, top, right, bottom; ends excluded) ImGui 1.86's OpenGL3 backend draws for a
// clip rectangle: glScissor((int)min.x, (int)(fb_height - max.y), (int)(max.x - min.x),
// (int)(max.y - min.y)) on a framebuffer of fb_height rows; nothing for an empty clip.
std::array<int, 4> scissor_pixels(const ImVec4& clip, int fb_height) {
  if (clip.z <= clip.x || clip.w <= clip.y) return {0, 0, 0, 0};
  const int x = static_cast<int>(clip.x);
  const int w = static_cast<int>(clip.z - clip.x);
  const int y = static_cast<int>(static_cast<float>(fb_height) - clip.w);
  const int h = static_cast<int>(clip.w - clip.y);
  if (w <= 0 || h <= 0) return {0, 0, 0, 0};
  return {x, fb_height - y - h, x + w, fb_height - y};
}
}  // namespace

TEST_CASE("clipping keeps the pixels a whole draw gives inside the rectangle to the pixel",
          "[viz]") {
  test::HeadlessImGui imgui;
  const auto draw = [] {
    // A clip rectangle with fractional edges, as the charts' label widths make them.
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect({10.5F, 20.25F}, {100.7F, 80.6F});
    list->AddRectFilled({0.0F, 0.0F}, {200.0F, 200.0F}, IM_COL32(200, 30, 30, 255));
    list->PopClipRect();
  };
  imgui.frame(draw);
  ImDrawData& frame = *ImGui::GetDrawData();
  const int fb_height = static_cast<int>(frame.DisplaySize.y);
  std::vector<std::array<int, 4>> before;
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    for (const ImDrawCmd& cmd : frame.CmdLists[l]->CmdBuffer) {
      before.push_back(scissor_pixels(cmd.ClipRect, fb_height));
    }
  }
  REQUIRE(std::find(before.begin(), before.end(), std::array<int, 4>{10, 21, 100, 81}) !=
          before.end());
  const DisplayRect keep{0.0F, 30.0F, 60.0F, 1000.0F};
  viz::clip_draw_data(frame, keep);
  std::size_t i = 0;
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    for (const ImDrawCmd& cmd : frame.CmdLists[l]->CmdBuffer) {
      const std::array<int, 4> whole = before.at(i++);
      std::array<int, 4> expected = {std::max(whole[0], 0), std::max(whole[1], 30),
                                     std::min(whole[2], 60), std::min(whole[3], 1000)};
      if (expected[2] <= expected[0] || expected[3] <= expected[1]) expected = {0, 0, 0, 0};
      CHECK(scissor_pixels(cmd.ClipRect, fb_height) == expected);
    }
  }
}

TEST_CASE("a frame with a draw callback is damaged whole and so is the next one", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  imgui.frame([] { (void)page(0.5F, "note"); });
  (void)tracker.update(*ImGui::GetDrawData());
  imgui.frame([] {
    (void)page(0.5F, "note");
    ImGui::GetWindowDrawList()->AddCallback([](const ImDrawList*, const ImDrawCmd*) {}, nullptr);
  });
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);
  // It could not be compared, so it cannot be compared with either.
  imgui.frame([] { (void)page(0.5F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);
  imgui.frame([] { (void)page(0.5F, "note"); });
  CHECK(tracker.update(*ImGui::GetDrawData()).empty());
}

TEST_CASE("windows that change their order damage the whole display", "[viz]") {
  test::HeadlessImGui imgui;
  viz::DamageTracker tracker;
  const auto two_windows = [](bool focus_first) {
    for (const char* name : {"first", "second"}) {
      ImGui::SetNextWindowPos({300.0F, 300.0F});
      ImGui::SetNextWindowSize({200.0F, 100.0F});
      ImGui::Begin(name);
      ImGui::Text("%s", name);
      ImGui::End();
    }
    if (focus_first) ImGui::SetWindowFocus("first");
  };
  imgui.frame([&] { two_windows(false); });
  imgui.frame([&] { two_windows(false); });
  (void)tracker.update(*ImGui::GetDrawData());
  imgui.frame([&] { two_windows(false); });
  CHECK(tracker.update(*ImGui::GetDrawData()).empty());
  // Focusing the window below brings it to the front: the same triangles, another order.
  imgui.frame([&] { two_windows(true); });
  CHECK(tracker.update(*ImGui::GetDrawData()) == kDisplay);
  // The next frame draws the new front window's title as active; after that nothing changes.
  imgui.frame([&] { two_windows(false); });
  CHECK_FALSE(tracker.update(*ImGui::GetDrawData()).empty());
  imgui.frame([&] { two_windows(false); });
  CHECK(tracker.update(*ImGui::GetDrawData()).empty());
}
