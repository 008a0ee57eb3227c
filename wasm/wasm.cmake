# Emscripten-only targets: the wasm module (Embind bindings over esptool_core), one ES module
# that serves the page, the element and the Node CLI (Node passes wasmBinary to the factory).
# Flags: style.md §5; toolchain facts: shared toolchain.md.

# -O2: the offline tools are CPU-bound (SHA-256, deflate); -Os saves little on this module.
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -DNDEBUG")
set(CMAKE_C_FLAGS_RELEASE "-O2 -DNDEBUG")

# Debian's em++ (clang 14) loses a coroutine resumption at -O2: after detect_chip's co_return on
# the --chip path, the awaiting connect() never continued and the engine stalled with no action
# (seen against hw-sim; fine at -O0/-O1 and with g++ 12). The coroutine code builds at -O1;
# the CPU-bound code (image tools, digests, zlib) keeps -O2.
file(GLOB ESPT_CORO_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/core/engine/*.cpp
  ${CMAKE_SOURCE_DIR}/core/ops/*.cpp)
set_source_files_properties(${ESPT_CORO_SOURCES} PROPERTIES COMPILE_OPTIONS -O1)

# nlohmann_json is header-only; /usr/include itself must not be on the path (it would shadow
# the wasm sysroot), so point at a build-local folder holding a link to just that directory.
set(ESPT_INCLUDE_LINKS ${CMAKE_BINARY_DIR}/include-links)
file(MAKE_DIRECTORY ${ESPT_INCLUDE_LINKS})
if(NOT EXISTS ${ESPT_INCLUDE_LINKS}/nlohmann)
  file(CREATE_LINK /usr/include/nlohmann ${ESPT_INCLUDE_LINKS}/nlohmann SYMBOLIC)
endif()
target_include_directories(esptool_core SYSTEM PUBLIC ${ESPT_INCLUDE_LINKS})

# -mtail-call: em++ needs it for coroutines with symmetric transfer (toolchain.md).
target_compile_options(esptool_core PUBLIC -mtail-call -sUSE_ZLIB=1
  -Wno-deprecated-experimental-coroutine)
target_link_options(esptool_core PUBLIC -mtail-call -sUSE_ZLIB=1)

file(GLOB WASM_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/wasm/*.cpp)
add_executable(esptool_wasm ${WASM_SOURCES})
set_target_properties(esptool_wasm PROPERTIES OUTPUT_NAME esptool-core SUFFIX .js)
target_link_libraries(esptool_wasm PRIVATE esptool_core)
target_link_options(esptool_wasm PRIVATE
  -lembind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createEsptoolModule
  -sENVIRONMENT=web,worker
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1)
