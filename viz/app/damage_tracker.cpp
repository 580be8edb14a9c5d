#include "app/damage_tracker.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace werkstroom::viz {

namespace {

// Anti-aliased edges and the renderer's rounding of clip rectangles to pixels reach this far
// past a triangle's corners.
constexpr float kMarginPixels = 2.0F;

DisplayRect unite(const DisplayRect& a, const DisplayRect& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x),
          std::max(a.max_y, b.max_y)};
}

DisplayRect intersect(const DisplayRect& a, const DisplayRect& b) {
  return {std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y), std::min(a.max_x, b.max_x),
          std::min(a.max_y, b.max_y)};
}

// The pixels ImGui's OpenGL3 backend lets a command with clip rectangle `clip` draw, as a
// rectangle of whole pixels (display coordinates = framebuffer pixels: scale 1, origin 0). The
// backend truncates the clip's corner and its size to whole pixels (imgui_impl_opengl3.cpp,
// 1.86: glScissor((int)min.x, (int)(fb_height - max.y), (int)(max.x - min.x), (int)(max.y -
// min.y))), so this is not the clip rectangle rounded; the same arithmetic is repeated here.
DisplayRect backend_scissor(const ImDrawData& frame, const ImVec4& clip) {
  const auto fb_height = static_cast<int>(frame.DisplaySize.y * frame.FramebufferScale.y);
  const auto x0 = static_cast<int>(clip.x);
  const auto width = static_cast<int>(clip.z - clip.x);
  const auto y_from_bottom = static_cast<int>(static_cast<float>(fb_height) - clip.w);
  const auto height = static_cast<int>(clip.w - clip.y);
  const int bottom = fb_height - y_from_bottom;
  return {static_cast<float>(x0), static_cast<float>(bottom - height),
          static_cast<float>(x0 + width), static_cast<float>(bottom)};
}

// Copies `value`'s bytes into `bits` from word `at`; returns the word after them.
template <typename T>
std::size_t put_bits(std::array<std::uint32_t, 24>& bits, std::size_t at, const T& value) {
  constexpr std::size_t kWordBytes = 4;
  static_assert(sizeof(std::uint32_t) == kWordBytes && sizeof(T) % kWordBytes == 0);
  std::memcpy(&bits[at], &value, sizeof(T));
  return at + sizeof(T) / kWordBytes;
}

}  // namespace

bool DamageTracker::snapshot(const ImDrawData& frame, std::vector<WindowTriangles>& into) {
  static_assert(3 * sizeof(ImDrawVert) + sizeof(ImVec4) + sizeof(std::uint64_t) <=
                24 * sizeof(std::uint32_t));
  into.resize(static_cast<std::size_t>(std::max(frame.CmdListsCount, 0)));
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    const ImDrawList& list = *frame.CmdLists[l];
    WindowTriangles& out = into[static_cast<std::size_t>(l)];
    out.owner = list._OwnerName != nullptr ? list._OwnerName : "";
    out.triangles.clear();
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr) return false;
      const DisplayRect scissor = backend_scissor(frame, cmd.ClipRect);
      const auto texture =
          static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
      for (unsigned int i = 0; i + 2 < cmd.ElemCount; i += 3) {
        Triangle t;
        std::size_t at = 0;
        DisplayRect corners{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (unsigned int k = 0; k < 3; ++k) {
          const ImDrawVert& v = list.VtxBuffer[static_cast<int>(
              cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
          at = put_bits(t.bits, at, v.pos);
          at = put_bits(t.bits, at, v.uv);
          at = put_bits(t.bits, at, v.col);
          corners = {std::min(corners.min_x, v.pos.x), std::min(corners.min_y, v.pos.y),
                     std::max(corners.max_x, v.pos.x), std::max(corners.max_y, v.pos.y)};
        }
        at = put_bits(t.bits, at, cmd.ClipRect);
        put_bits(t.bits, at, texture);
        corners = {corners.min_x - kMarginPixels, corners.min_y - kMarginPixels,
                   corners.max_x + kMarginPixels, corners.max_y + kMarginPixels};
        t.bounds = intersect(corners, scissor);
        out.triangles.push_back(t);
      }
    }
  }
  return true;
}

DisplayRect DamageTracker::update(const ImDrawData& frame) {
  const DisplayRect display{frame.DisplayPos.x, frame.DisplayPos.y,
                            frame.DisplayPos.x + frame.DisplaySize.x,
                            frame.DisplayPos.y + frame.DisplaySize.y};
  const bool comparable = snapshot(frame, current_);
  bool whole = !valid_ || !comparable || frame.DisplayPos.x != display_pos_.x ||
               frame.DisplayPos.y != display_pos_.y || frame.DisplaySize.x != display_size_.x ||
               frame.DisplaySize.y != display_size_.y || current_.size() != previous_.size();
  for (std::size_t l = 0; !whole && l < current_.size(); ++l) {
    whole = current_[l].owner != previous_[l].owner;
  }
  DisplayRect damage;
  if (whole) {
    damage = display;
  } else {
    for (std::size_t l = 0; l < current_.size(); ++l) {
      const std::vector<Triangle>& before = previous_[l].triangles;
      const std::vector<Triangle>& now = current_[l].triangles;
      // The changed stretch: what lies between the common beginning and the common end.
      const std::size_t shorter = std::min(before.size(), now.size());
      std::size_t prefix = 0;
      while (prefix < shorter && before[prefix].bits == now[prefix].bits) ++prefix;
      std::size_t suffix = 0;
      while (suffix < shorter - prefix &&
             before[before.size() - 1 - suffix].bits == now[now.size() - 1 - suffix].bits) {
        ++suffix;
      }
      for (std::size_t i = prefix; i + suffix < before.size(); ++i) {
        damage = unite(damage, before[i].bounds);
      }
      for (std::size_t i = prefix; i + suffix < now.size(); ++i) {
        damage = unite(damage, now[i].bounds);
      }
    }
    if (!damage.empty()) {
      damage = intersect({std::floor(damage.min_x), std::floor(damage.min_y),
                          std::ceil(damage.max_x), std::ceil(damage.max_y)},
                         display);
    }
  }
  previous_.swap(current_);
  display_pos_ = frame.DisplayPos;
  display_size_ = frame.DisplaySize;
  // A frame that could not be compared leaves nothing to compare the next one with.
  valid_ = comparable;
  return damage.empty() ? DisplayRect{} : damage;
}

void clip_draw_data(ImDrawData& frame, const DisplayRect& rect) {
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    for (ImDrawCmd& cmd : frame.CmdLists[l]->CmdBuffer) {
      if (cmd.UserCallback != nullptr) continue;
      // Cut the pixels the backend would draw (not the clip rectangle, whose fractional
      // edges it truncates) and give it whole-pixel edges, which it keeps as they are.
      const DisplayRect cut = intersect(backend_scissor(frame, cmd.ClipRect), rect);
      cmd.ClipRect = cut.empty() ? ImVec4(cut.min_x, cut.min_y, cut.min_x, cut.min_y)
                                 : ImVec4(cut.min_x, cut.min_y, cut.max_x, cut.max_y);
    }
  }
}

}  // namespace werkstroom::viz
