# Native-only targets: system zlib, nlohmann_json, GoogleTest unit tests, tools, fuzzers.
find_package(ZLIB REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)
target_link_libraries(esptool_core PUBLIC ZLIB::ZLIB nlohmann_json::nlohmann_json)

enable_testing()
file(GLOB_RECURSE SUPPORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/support/*.cpp)
if(SUPPORT_SOURCES)
  add_library(test_support STATIC ${SUPPORT_SOURCES})
  # The device engine's tests drive hw-sim in-process (tests/support/sim_driver).
  target_link_libraries(test_support PUBLIC esptool_core hwsim)
else()
  add_library(test_support INTERFACE)
  target_link_libraries(test_support INTERFACE esptool_core)
endif()

file(GLOB_RECURSE UNIT_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/core/*_test.cpp)
add_executable(core_tests ${UNIT_TEST_SOURCES})
# gtest itself uses exceptions in its headers' macros only when enabled; build tests with them off too.
target_link_libraries(core_tests PRIVATE test_support GTest::gtest_main Threads::Threads)
target_compile_definitions(core_tests PRIVATE GTEST_HAS_EXCEPTIONS=0
  ESPT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
include(GoogleTest)
gtest_discover_tests(core_tests DISCOVERY_MODE PRE_TEST)

# Native command-line front end over core (same request parser the wasm CLI uses).
file(GLOB TOOL_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/tools/*.cpp)
foreach(tool_src ${TOOL_SOURCES})
  get_filename_component(tool_name ${tool_src} NAME_WE)
  add_executable(${tool_name} ${tool_src})
  target_link_libraries(${tool_name} PRIVATE test_support)
endforeach()

# The reference parity test (tests/core/reference_parity_test.cpp) drives the native CLI.
if(TARGET esptool_native)
  target_compile_definitions(core_tests PRIVATE
    ESPT_ESPTOOL_NATIVE="$<TARGET_FILE:esptool_native>")
  add_dependencies(core_tests esptool_native)
endif()

# Engine against hw-sim (virtual time) and engine transcript tests.
file(GLOB_RECURSE ENGINE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/engine/*_test.cpp)
if(ENGINE_TEST_SOURCES)
  add_executable(engine_tests ${ENGINE_TEST_SOURCES})
  target_link_libraries(engine_tests PRIVATE test_support GTest::gtest_main Threads::Threads)
  target_compile_definitions(engine_tests PRIVATE GTEST_HAS_EXCEPTIONS=0
    ESPT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  gtest_discover_tests(engine_tests DISCOVERY_MODE PRE_TEST)
endif()

include(${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz.cmake OPTIONAL)
