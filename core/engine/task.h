// Task<T>: a lazily started coroutine that owns its frame. Awaiting a Task starts it and resumes
// the awaiter when it finishes (symmetric transfer, so deep nesting does not grow the stack).
// Destroying a Task destroys its frame and, through its locals, every Task it is awaiting: that
// is how destroying the engine cancels an operation. Only the engine resumes coroutines.
#pragma once

#include <cstdlib>
#include <optional>
#include <utility>

#include "core/base/check.h"
#include "core/base/coro.h"

namespace esptool::engine {

template <typename T>
class [[nodiscard]] Task {
 public:
  struct promise_type {
    std::optional<T> value;
    coro::coroutine_handle<> continuation;

    Task get_return_object() {
      return Task(coro::coroutine_handle<promise_type>::from_promise(*this));
    }
    coro::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      coro::coroutine_handle<> await_suspend(coro::coroutine_handle<promise_type> h) noexcept {
        coro::coroutine_handle<> next = h.promise().continuation;
        if (next) return next;
        return coro::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    template <typename U>
    void return_value(U&& v) {
      value.emplace(std::forward<U>(v));
    }
    void unhandled_exception() { std::abort(); }
  };

  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { reset(); }

  bool await_ready() const noexcept { return false; }
  coro::coroutine_handle<> await_suspend(coro::coroutine_handle<> awaiting) noexcept {
    handle_.promise().continuation = awaiting;
    return handle_;
  }
  T await_resume() {
    ESPT_CHECK(handle_.promise().value.has_value(), "task finished without a value");
    return std::move(*handle_.promise().value);
  }

  // For the engine, which drives the root task by hand.
  coro::coroutine_handle<promise_type> handle() const { return handle_; }
  bool done() const { return handle_ && handle_.done(); }

 private:
  explicit Task(coro::coroutine_handle<promise_type> h) : handle_(h) {}
  void reset() {
    if (handle_) handle_.destroy();
    handle_ = {};
  }
  coro::coroutine_handle<promise_type> handle_;
};

}  // namespace esptool::engine
