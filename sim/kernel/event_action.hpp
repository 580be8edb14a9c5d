#pragma once
// What an event does when it runs: a move-only callable with no arguments.
//
// Why not std::function: every event is built, moved into the calendar, moved out and
// destroyed once, and with std::function each destruction is an indirect call into its manager
// even for the small lambdas the model schedules. Here a callable that is trivially copyable,
// trivially destructible and at most kInlineBytes large (a lambda capturing `this` and a few
// indices, which is every action of the model and the kernel) lives in the object itself:
// moving it copies bytes and destroying it does nothing. Anything else (a std::function, a
// lambda capturing a std::string) is kept on the heap and managed as std::function would.
//
// Contracts: an empty action (default-constructed, moved from or reset) converts to false;
// calling an empty action is a programming error (checked by assert). Actions are not copyable.

#include <cassert>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace werkstroom::kernel {

class EventAction {
 public:
  static constexpr std::size_t kInlineBytes = 24;

  EventAction() = default;
  EventAction(std::nullptr_t) {}  // NOLINT(google-explicit-constructor): as std::function

  template <class F, class D = std::decay_t<F>,
            class = std::enable_if_t<!std::is_same_v<D, EventAction> &&
                                     !std::is_same_v<D, std::nullptr_t> &&
                                     std::is_invocable_r_v<void, D&>>>
  EventAction(
      F&& f) {  // NOLINT(google-explicit-constructor,bugprone-forwarding-reference-overload)
    if constexpr (kStoredInline<D>) {
      ::new (static_cast<void*>(storage_)) D(std::forward<F>(f));
      invoke_ = [](unsigned char* storage) {
        (*std::launder(reinterpret_cast<D*>(storage)))();  // NOLINT
      };
    } else {
      D* held = new D(std::forward<F>(f));
      std::memcpy(storage_, &held, kPointerBytes);
      invoke_ = [](unsigned char* storage) { (*pointer_in<D>(storage))(); };
      destroy_ = [](unsigned char* storage) { delete pointer_in<D>(storage); };
    }
  }

  EventAction(EventAction&& other) noexcept { take(other); }
  EventAction& operator=(EventAction&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  EventAction(const EventAction&) = delete;
  EventAction& operator=(const EventAction&) = delete;
  ~EventAction() { reset(); }

  EventAction& operator=(std::nullptr_t) {
    reset();
    return *this;
  }

  void swap(EventAction& other) noexcept {
    EventAction held(std::move(other));
    other = std::move(*this);
    *this = std::move(held);
  }

  explicit operator bool() const { return invoke_ != nullptr; }

  void operator()() {
    assert(invoke_ != nullptr && "calling an empty EventAction");
    invoke_(storage_);
  }

 private:
  // A heap-held callable is kept as its pointer in the first bytes of the storage.
  static constexpr std::size_t kPointerBytes = sizeof(void*);
  static_assert(kPointerBytes <= kInlineBytes);

  template <class D>
  static constexpr bool kStoredInline =
      std::conjunction_v<std::bool_constant<sizeof(D) <= kInlineBytes>,
                         std::bool_constant<alignof(D) <= alignof(void*)>,
                         std::is_trivially_copyable<D>, std::is_trivially_destructible<D>>;

  template <class D>
  static D* pointer_in(unsigned char* storage) {
    D* held = nullptr;
    std::memcpy(&held, storage, kPointerBytes);
    return held;
  }

  void reset() {
    if (destroy_ != nullptr) destroy_(storage_);
    invoke_ = nullptr;
    destroy_ = nullptr;
  }

  /// Takes `other`'s callable (its bytes: inline callables are trivially copyable, a heap one
  /// is a pointer) and leaves `other` empty. `this` must be empty.
  void take(EventAction& other) {
    std::memcpy(storage_, other.storage_, kInlineBytes);
    invoke_ = other.invoke_;
    destroy_ = other.destroy_;
    other.invoke_ = nullptr;
    other.destroy_ = nullptr;
  }

  alignas(void*) unsigned char storage_[kInlineBytes] = {};
  void (*invoke_)(unsigned char*) = nullptr;
  void (*destroy_)(unsigned char*) = nullptr;
};

}  // namespace werkstroom::kernel
