// make_fixtures DIR: writes every generated fixture (tests/support/fixtures.h) into DIR.
#include <cstdio>
#include <string>

#include "tests/support/fixtures.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_fixtures DIR\n");
    return 2;
  }
  std::string error;
  if (!esptool::testing::write_fixtures(argv[1], &error)) {
    std::fprintf(stderr, "make_fixtures: %s\n", error.c_str());
    return 1;
  }
  return 0;
}
