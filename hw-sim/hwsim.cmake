# hw-sim: the simulated chip (library `hwsim`, native and wasm), its TCP server `hw-sim` and its
# unit tests `sim_tests` (native only). hw-sim never links or includes core/ (design.md, principle 2).
file(GLOB_RECURSE HWSIM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/hw-sim/*.cpp)
list(FILTER HWSIM_SOURCES EXCLUDE REGEX "/hw-sim/server/")
add_library(hwsim STATIC ${HWSIM_SOURCES})
target_include_directories(hwsim PUBLIC ${CMAKE_SOURCE_DIR})

if(EMSCRIPTEN)
  target_compile_options(hwsim PUBLIC -sUSE_ZLIB=1)
  target_link_options(hwsim PUBLIC -sUSE_ZLIB=1)
else()
  find_package(ZLIB REQUIRED)
  target_link_libraries(hwsim PUBLIC ZLIB::ZLIB)

  # The server's pieces are a library too, so sim_tests can test them without sockets.
  file(GLOB HWSIM_SERVER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/hw-sim/server/*.cpp)
  list(FILTER HWSIM_SERVER_SOURCES EXCLUDE REGEX "/main\\.cpp$")
  add_library(hwsim_server STATIC ${HWSIM_SERVER_SOURCES})
  target_link_libraries(hwsim_server PUBLIC hwsim)
  add_executable(hw-sim ${CMAKE_SOURCE_DIR}/hw-sim/server/main.cpp)
  target_link_libraries(hw-sim PRIVATE hwsim_server)

  find_package(GTest REQUIRED)
  find_package(Threads REQUIRED)
  enable_testing()
  file(GLOB_RECURSE SIM_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/sim/*.cpp)
  add_executable(sim_tests ${SIM_TEST_SOURCES})
  target_include_directories(sim_tests PRIVATE ${CMAKE_SOURCE_DIR})
  target_link_libraries(sim_tests PRIVATE hwsim_server GTest::gtest_main Threads::Threads)
  target_compile_definitions(sim_tests PRIVATE GTEST_HAS_EXCEPTIONS=0
    HWSIM_SERVER_PATH="$<TARGET_FILE:hw-sim>")
  add_dependencies(sim_tests hw-sim)
  include(GoogleTest)
  gtest_discover_tests(sim_tests DISCOVERY_MODE PRE_TEST)
endif()
