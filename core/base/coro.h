// One spelling of the coroutine library for g++ 12 (<coroutine>) and Emscripten 3.1.6's libc++
// (<experimental/coroutine>, toolchain.md). em++ also needs -mtail-call for symmetric transfer.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace esptool::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace esptool::coro
#else
#include <experimental/coroutine>
namespace esptool::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace esptool::coro
#endif
