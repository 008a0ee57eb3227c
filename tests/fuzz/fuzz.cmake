# libFuzzer targets, built only in a clang build configured with -DESPT_FUZZ=ON
# (tests/fuzz/run.sh does that in build/fuzz). Every tests/fuzz/fuzz_*.cpp is one target.
#
# The targets fuzz the parsers, so they link an instrumented copy of the core without the
# device engine and ops: clang 14's SanitizerCoverage on coroutine frames fails with
# "Cannot represent a difference across sections" (seen in CI on core/ops/*.cpp).
if(ESPT_FUZZ)
  set(FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
  set(FUZZ_CORE_SOURCES ${CORE_SOURCES})
  list(FILTER FUZZ_CORE_SOURCES EXCLUDE REGEX "/core/(ops|engine)/")
  add_library(esptool_core_fuzz STATIC ${FUZZ_CORE_SOURCES})
  target_include_directories(esptool_core_fuzz PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(esptool_core_fuzz PUBLIC espt_libdeflate ZLIB::ZLIB nlohmann_json::nlohmann_json)
  target_compile_options(esptool_core_fuzz PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
  file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
  foreach(fuzz_src ${FUZZ_SOURCES})
    get_filename_component(fuzz_name ${fuzz_src} NAME_WE)
    add_executable(${fuzz_name} ${fuzz_src})
    target_compile_options(${fuzz_name} PRIVATE ${FUZZ_FLAGS})
    target_link_options(${fuzz_name} PRIVATE ${FUZZ_FLAGS})
    target_link_libraries(${fuzz_name} PRIVATE esptool_core_fuzz)
  endforeach()
endif()
