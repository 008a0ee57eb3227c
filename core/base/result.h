// Result<T> and Status: a value or an Error. Emscripten 3.1.6's libc++ has no <expected>.
#pragma once

#include <optional>
#include <utility>
#include <variant>

#include "core/base/check.h"
#include "core/base/error.h"

namespace esptool {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}    // NOLINT
  bool ok() const { return v_.index() == 0; }
  T& value() & {
    ESPT_CHECK(ok(), "value() on an error result");
    return std::get<0>(v_);
  }
  const T& value() const& {
    ESPT_CHECK(ok(), "value() on an error result");
    return std::get<0>(v_);
  }
  T&& value() && {
    ESPT_CHECK(ok(), "value() on an error result");
    return std::get<0>(std::move(v_));
  }
  const Error& error() const {
    ESPT_CHECK(!ok(), "error() on a value result");
    return std::get<1>(v_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT
  static Status Ok() { return Status(); }
  bool ok() const { return !error_.has_value(); }
  const Error& error() const {
    ESPT_CHECK(!ok(), "error() on an ok status");
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

}  // namespace esptool

// Evaluates a Result/Status expression; returns its error from the enclosing function.
#define ESPT_TRY(expr)                              \
  do {                                              \
    auto&& espt_try_r_ = (expr);                    \
    if (!espt_try_r_.ok()) return espt_try_r_.error(); \
  } while (0)

// Declares `var` from a Result expression, or returns its error.
#define ESPT_ASSIGN(var, expr)                          \
  auto var##_result_ = (expr);                          \
  if (!var##_result_.ok()) return var##_result_.error(); \
  auto var = std::move(var##_result_).value()

// Coroutine form of ESPT_TRY: evaluates `expr` (typically a co_await of a Task returning a
// Status or Result) and co_returns its error. The local gets a per-line name because g++ 12
// has mixed up same-named locals of one coroutine frame.
#define ESPT_CO_CAT_INNER_(a, b) a##b
#define ESPT_CO_CAT_(a, b) ESPT_CO_CAT_INNER_(a, b)
#define ESPT_CO_TRY(expr)                                   \
  do {                                                      \
    auto ESPT_CO_CAT_(espt_co_r_, __LINE__) = (expr);       \
    if (!ESPT_CO_CAT_(espt_co_r_, __LINE__).ok())           \
      co_return ESPT_CO_CAT_(espt_co_r_, __LINE__).error(); \
  } while (0)
