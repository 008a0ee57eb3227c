# libFuzzer targets, built only in a clang build configured with -DESPT_FUZZ=ON
# (tests/fuzz/run.sh does that in build/fuzz). Every tests/fuzz/fuzz_*.cpp is one target.
if(ESPT_FUZZ)
  set(FUZZ_FLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
  target_compile_options(esptool_core PRIVATE -fsanitize=fuzzer-no-link,address,undefined)
  file(GLOB FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.cpp)
  foreach(fuzz_src ${FUZZ_SOURCES})
    get_filename_component(fuzz_name ${fuzz_src} NAME_WE)
    add_executable(${fuzz_name} ${fuzz_src})
    target_compile_options(${fuzz_name} PRIVATE ${FUZZ_FLAGS})
    target_link_options(${fuzz_name} PRIVATE ${FUZZ_FLAGS})
    target_link_libraries(${fuzz_name} PRIVATE esptool_core)
  endforeach()
endif()
