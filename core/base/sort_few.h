// sort_few_by: a stable insertion sort for the handful of files a command names. It is a few
// instructions where std::stable_sort's buffered merge costs kilobytes of the page's wasm per
// element type (issue 10: 4.2 KB raw for write_flash's files alone). Quadratic: keep it for short
// lists.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace esptool {

// Sorts `items` by key(item) ascending, keeping the order of equal keys.
template <typename T, typename Key>
void sort_few_by(std::vector<T>& items, Key key) {
  for (size_t i = 1; i < items.size(); ++i) {
    for (size_t j = i; j > 0 && key(items[j]) < key(items[j - 1]); --j) {
      std::swap(items[j], items[j - 1]);
    }
  }
}

}  // namespace esptool
