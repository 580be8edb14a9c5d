#pragma once
// An ImGui context for tests: a display and a built font atlas, and no backend (no window, no
// GL), so view logic can be run and its draw lists inspected.

#include <imgui.h>

#include "panels/style.hpp"

namespace werkstroom::test {

/// An ImGui context with a display and a built font atlas, and no backend.
class HeadlessImGui {
 public:
  HeadlessImGui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1600.0F, 1000.0F};
    io.DeltaTime = 1.0F / 60.0F;
    io.IniFilename = nullptr;
    viz::style::setup();
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  ~HeadlessImGui() { ImGui::DestroyContext(); }
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  /// Runs `body` inside a full-screen window of one frame; returns the vertices drawn.
  template <typename Body>
  int frame(Body&& body, ImVec2 mouse = {-1.0F, -1.0F}) {
    ImGui::GetIO().MousePos = mouse;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0.0F, 0.0F});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_MenuBar | ImGuiWindowFlags_NoDecoration);
    body();
    ImGui::End();
    ImGui::Render();
    const ImDrawData* d = ImGui::GetDrawData();
    return d != nullptr && d->Valid ? d->TotalVtxCount : 0;
  }
};

}  // namespace werkstroom::test
