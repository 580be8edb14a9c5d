#include "panels/style.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include "core/word_wrap.hpp"

namespace werkstroom::viz::style {

namespace {
ImFont* g_bold = nullptr;

constexpr std::array<ImU32, 8> kPalette = {
    rgba(0, 114, 178),    // blue
    rgba(230, 159, 0),    // orange
    rgba(0, 158, 115),    // green
    rgba(204, 121, 167),  // purple
    rgba(86, 180, 233),   // sky
    rgba(213, 94, 0),     // vermillion
    rgba(120, 120, 120),  // grey
    rgba(240, 200, 60),   // yellow
};

ImVec4 colour(int r, int g, int b, float a = 1.0F) {
  return {static_cast<float>(r) / 255.0F, static_cast<float>(g) / 255.0F,
          static_cast<float>(b) / 255.0F, a};
}
}  // namespace

ImU32 scenario_colour(std::size_t i) { return kPalette[i % kPalette.size()]; }

ImFont* bold_font() { return g_bold != nullptr ? g_bold : ImGui::GetFont(); }

void setup(float font_size) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string dir = WERKSTROOM_VIZ_FONT_DIR;
  const std::string regular = dir + "/DejaVuSans.ttf";
  const std::string bold = dir + "/DejaVuSans-Bold.ttf";
  // Latin-1 plus delta, dashes, the euro sign and arrows (in increasing order).
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x0394, 0x0394, 0x2013, 0x2014, 0x2026,
                                    0x2026, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};
  std::error_code error;
  g_bold = nullptr;
  if (std::filesystem::exists(regular, error)) {
    io.Fonts->AddFontFromFileTTF(regular.c_str(), font_size, nullptr, kRanges);
    if (std::filesystem::exists(bold, error)) {
      g_bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), font_size + 1.0F, nullptr, kRanges);
    }
  } else {
    io.Fonts->AddFontDefault();
  }

  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 0.0F;
  s.ChildRounding = 4.0F;
  s.FrameRounding = 3.0F;
  s.GrabRounding = 3.0F;
  s.PopupRounding = 4.0F;
  s.TabRounding = 3.0F;
  s.WindowPadding = {10.0F, 8.0F};
  s.FramePadding = {6.0F, 3.0F};
  s.ItemSpacing = {8.0F, 5.0F};
  s.CellPadding = {6.0F, 3.0F};
  s.WindowBorderSize = 0.0F;
  s.ChildBorderSize = 1.0F;
  s.ScrollbarSize = 12.0F;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = colour(255, 255, 255);
  // Layout children are transparent: llvmpipe (software OpenGL) pays for every covered pixel,
  // so only panels that show a white card (style::panel_child) fill their background.
  c[ImGuiCol_ChildBg] = colour(255, 255, 255, 0.0F);
  c[ImGuiCol_MenuBarBg] = colour(233, 236, 239);
  c[ImGuiCol_Border] = colour(206, 212, 218);
  c[ImGuiCol_Text] = colour(33, 37, 41);
  c[ImGuiCol_TextDisabled] = colour(108, 117, 125);
  c[ImGuiCol_Header] = colour(0, 114, 178, 0.18F);
  c[ImGuiCol_HeaderHovered] = colour(0, 114, 178, 0.28F);
  c[ImGuiCol_HeaderActive] = colour(0, 114, 178, 0.38F);
  c[ImGuiCol_Button] = colour(0, 114, 178, 0.15F);
  c[ImGuiCol_ButtonHovered] = colour(0, 114, 178, 0.30F);
  c[ImGuiCol_ButtonActive] = colour(0, 114, 178, 0.45F);
  c[ImGuiCol_SliderGrab] = colour(0, 114, 178, 0.85F);
  c[ImGuiCol_SliderGrabActive] = colour(0, 90, 150);
  c[ImGuiCol_CheckMark] = colour(0, 114, 178);
  c[ImGuiCol_FrameBg] = colour(233, 236, 239);
  c[ImGuiCol_FrameBgHovered] = colour(230, 240, 248);
  c[ImGuiCol_FrameBgActive] = colour(215, 232, 245);
  c[ImGuiCol_Tab] = colour(222, 226, 230);
  c[ImGuiCol_TabHovered] = colour(0, 114, 178, 0.35F);
  c[ImGuiCol_TabActive] = colour(255, 255, 255);
  c[ImGuiCol_PlotHistogram] = colour(0, 114, 178);
  c[ImGuiCol_TableHeaderBg] = colour(233, 236, 239);
  c[ImGuiCol_TableRowBgAlt] = colour(248, 249, 250);
  c[ImGuiCol_TableBorderLight] = colour(228, 231, 235);
  c[ImGuiCol_TableBorderStrong] = colour(206, 212, 218);
}

void begin_panel_child(const char* id, ImVec2 size, bool border) {
  // A border on the white page: filling the card would shade every pixel twice.
  ImGui::BeginChild(id, size, border);
}

void end_panel_child() { ImGui::EndChild(); }

std::string literal_format(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

void wrapped_text(std::string_view text) {
  const float width = std::max(1.0F, ImGui::GetContentRegionAvail().x);
  const auto measure = [](std::string_view line) {
    return ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
  };
  for (const std::string& line : wrap_at_spaces(text, width, measure)) {
    ImGui::TextUnformatted(line.data(), line.data() + line.size());
  }
}

}  // namespace werkstroom::viz::style
