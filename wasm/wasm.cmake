# Emscripten-only targets: four ES modules over the one esptool_core library (bindings picked
# per use), all served to the page, the element and the Node CLI (Node passes wasmBinary):
#   esptool-device  what a device session needs (engine, ops, chips, stubs, deflate, MD5, layout)
#   esptool-tools   the offline image tools (elf2image, image_info, merge_bin, make_image, args)
#   esptool-core    everything, plus the CLI's argument layer: the Node CLI's device commands
#   esptool-cli-offline  the offline tools plus the CLI's argument layer: the Node CLI's offline
#                   commands (elf2image, image_info, merge_bin, ...), which start faster without
#                   the device code (issue 10)
# Flags: style.md §5; toolchain facts: shared toolchain.md.

# hw-sim (wasm/sim/) keeps -O2: its speed paces the virtual device, its size is off the page's
# critical path. The core and its bindings override this below.
set(CMAKE_CXX_FLAGS_RELEASE "-O2 -DNDEBUG")
set(CMAKE_C_FLAGS_RELEASE "-O2 -DNDEBUG")

# Size first for the core: -Os and full LTO. Emscripten 3.1.6 turns -Os into
# -fno-inline-functions for clang (toolchain.md), which is what shrinks the I/O-bound code.
set(ESPT_SIZE_FLAGS -Os -flto)
target_compile_options(esptool_core PRIVATE ${ESPT_SIZE_FLAGS})

# CPU-bound code (digests, deflate, image conversion, SLIP framing of whole files) gets -O2 and
# its inlining back: at plain -Os the offline tools ran 4-6x slower (issue 10's trial). emcc puts
# its -fno-inline-functions before ours, so the later -finline-functions wins.
# core/image, core/proto and the rest of core/util but MD5 are compiled twice: fast, as above, in
# esptool_core; and small for the device module (espt_device_small, linked ahead of the library,
# so the library's copies are never pulled in). There image code reads headers and patches a
# bootloader, never converts a whole image (the unsplit module 6.7 KB gzip smaller), and SHA-256
# rehashes only that bootloader (image/flash_params.cpp), so it goes small there too;
# framing runs on a Worker while the wire, 100 times slower, sets the pace. MD5 hashes whole
# files in both (verify, skip-unchanged), so it stays fast. The JSON text of the page's calls
# (wasm/c_abi.h) is short: json_text.cpp keeps the size flags everywhere.
set_source_files_properties(${CMAKE_SOURCE_DIR}/core/util/md5.cpp PROPERTIES COMPILE_OPTIONS
  "-O2;-finline-functions")
file(GLOB ESPT_TWICE_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/core/image/*.cpp
  ${CMAKE_SOURCE_DIR}/core/proto/*.cpp ${CMAKE_SOURCE_DIR}/core/util/*.cpp)
list(FILTER ESPT_TWICE_SOURCES EXCLUDE REGEX "/(md5|json_text)\\.cpp$")
set_source_files_properties(${ESPT_TWICE_SOURCES} PROPERTIES COMPILE_OPTIONS
  "$<$<NOT:$<BOOL:$<TARGET_PROPERTY:ESPT_DEVICE_SMALL>>>:-O2;-finline-functions>")
add_library(espt_device_small OBJECT ${ESPT_TWICE_SOURCES})
set_target_properties(espt_device_small PROPERTIES ESPT_DEVICE_SMALL ON)
target_link_libraries(espt_device_small PUBLIC esptool_core)
target_compile_options(espt_device_small PRIVATE ${ESPT_SIZE_FLAGS})

# Debian's em++ (clang 14) loses a coroutine resumption at -O2: after detect_chip's co_return on
# the --chip path, the awaiting connect() never continued and the engine stalled with no action
# (seen against hw-sim; fine at -O0/-O1 and with g++ 12). The coroutine code builds outside LTO,
# whose link-time pass runs LLVM's -O2 pipeline over every bitcode file, and at -Os, where the
# bug has not shown (why is not known: all node and browser tests pass) and the device module is
# 5 KB gzip smaller than at -O1 (issue 10: 148,268 -> 143,208 B). Revert to -O1 if it returns.
file(GLOB ESPT_CORO_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/core/engine/*.cpp
  ${CMAKE_SOURCE_DIR}/core/ops/*.cpp)
set_source_files_properties(${ESPT_CORO_SOURCES} PROPERTIES COMPILE_OPTIONS "-Os;-fno-lto")

# nlohmann_json is header-only; /usr/include itself must not be on the path (it would shadow
# the wasm sysroot), so point at a build-local folder holding a link to just that directory.
set(ESPT_INCLUDE_LINKS ${CMAKE_BINARY_DIR}/include-links)
file(MAKE_DIRECTORY ${ESPT_INCLUDE_LINKS})
if(NOT EXISTS ${ESPT_INCLUDE_LINKS}/nlohmann)
  file(CREATE_LINK /usr/include/nlohmann ${ESPT_INCLUDE_LINKS}/nlohmann SYMBOLIC)
endif()
target_include_directories(esptool_core SYSTEM PUBLIC ${ESPT_INCLUDE_LINKS})

# -mtail-call: em++ needs it for coroutines with symmetric transfer (toolchain.md).
# -mbulk-memory: memset/memcpy of whole files become memory.fill/memory.copy instead of calls
# into musl's loops, which a short-lived CLI runs as baseline (Liftoff) code (issue 10).
# -fno-rtti: nothing asks for a type at run time (no typeid or dynamic_cast), and the type names
# and type_info tables were dead weight in every module.
target_compile_options(esptool_core PUBLIC -mtail-call -mbulk-memory -sUSE_ZLIB=1 -fno-rtti
  -Wno-deprecated-experimental-coroutine)
target_link_options(esptool_core PUBLIC -mtail-call -mbulk-memory -sUSE_ZLIB=1)

# Bindings by use, each set compiled once (object libraries) and linked into the modules below.
# Every call goes through a plain C interface (wasm/c_abi.h, web/src/c-abi.js), not Embind: its
# runtime was most of the page's glue, and its start-up a share of every CLI command's (issue 10).
set(W ${CMAKE_SOURCE_DIR}/wasm)
set(ESPT_BINDING_SETS abi device tools cli cli_device)
set(ESPT_BINDINGS_abi ${W}/c_abi.cpp ${W}/chip_bindings.cpp)
set(ESPT_BINDINGS_device ${W}/engine_bindings.cpp ${W}/engine_value.cpp
  ${W}/device_request_json.cpp ${W}/layout_bindings.cpp)
set(ESPT_BINDINGS_tools ${W}/image_bindings.cpp ${W}/image_info_value.cpp)
set(ESPT_BINDINGS_cli ${W}/cli_bindings.cpp)
set(ESPT_BINDINGS_cli_device ${W}/cli_device_bindings.cpp)
# The bindings move whole files between JS and wasm (a 4 MiB part into std::vector, per-element
# libc++ code when not inlined): at -Os checkFlashLayout of a 4 MiB file took 40 ms instead of
# 2 ms, a long task on the page's thread. They are small, so they get -O2 and inlining (with LTO).
# The page's sets (abi, device) are -Os with inlining kept: as small, and a vector's bytes are still
# freed in one step rather than byte by byte (checkFlashLayout of 4 MiB: 0.1-0.2 ms after the
# first call; the page's first wasm half is 1.1 KB gzip smaller than at -O2).
foreach(set IN LISTS ESPT_BINDING_SETS)
  add_library(espt_bindings_${set} OBJECT ${ESPT_BINDINGS_${set}})
  target_link_libraries(espt_bindings_${set} PUBLIC esptool_core)
  if(set STREQUAL "abi" OR set STREQUAL "device")
    target_compile_options(espt_bindings_${set} PRIVATE -Os -finline-functions -flto)
  else()
    target_compile_options(espt_bindings_${set} PRIVATE -O2 -finline-functions -flto)
  endif()
endforeach()

# One module: OUTPUT (file name), the factory's export NAME, and the binding sets it holds.
function(espt_wasm_module target output name)
  add_executable(${target})
  foreach(set IN LISTS ARGN)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:espt_bindings_${set}>)
  endforeach()
  set_target_properties(${target} PROPERTIES OUTPUT_NAME ${output} SUFFIX .js LINKER_LANGUAGE CXX)
  target_link_libraries(${target} PRIVATE esptool_core)
  target_link_options(${target} PRIVATE
    ${ESPT_SIZE_FLAGS}
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sEXPORT_NAME=${name}
    # No eval/new Function in the glue: pages with a strict CSP (no 'unsafe-eval') load it.
    -sDYNAMIC_EXECUTION=0
    -sENVIRONMENT=web,worker
    -sFILESYSTEM=0
    -sALLOW_MEMORY_GROWTH=1)
endfunction()

espt_wasm_module(esptool_device esptool-device createEsptoolDeviceModule abi device)
target_sources(esptool_device PRIVATE $<TARGET_OBJECTS:espt_device_small>)
# The page's critical path: emmalloc is 7.8 KB raw / 2.6 KB gzip smaller than dlmalloc (issue 10);
# a device session allocates little and the wire, not the heap, sets its pace.
target_link_options(esptool_device PRIVATE -sMALLOC=emmalloc)
# wasm-split (web/tools/split-device-wasm.mjs) moves whole functions, and binaryen inlines every
# function with one caller, whatever its size: code a flash never runs (Intel HEX preparation, most
# commands' dispatch) sat inside functions it does run, so it stayed in the first half. Only small
# ones are inlined before the split (build.sh's wasm-opt too): the first half 94,888 -> 89,508 B
# gzip (issue 10), and strongDeflate as fast.
target_link_options(esptool_device PRIVATE
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=20)
espt_wasm_module(esptool_tools esptool-tools createEsptoolToolsModule abi tools)
espt_wasm_module(esptool_wasm esptool-core createEsptoolModule abi device tools cli cli_device)
espt_wasm_module(esptool_cli_offline esptool-cli-offline createEsptoolCliOfflineModule abi tools cli)
# Closure on the glue of the page's two modules (issue 10: the device glue goes from 54 KB to
# 24 KB raw, 13.6 KB to 9.2 KB gzip). The compiler is the npm package google-closure-compiler
# 20220104 (a devDependency): the release of emcc 3.1.6's time. Newer ones clash with 3.1.6's
# externs, and Debian's packaged 2013 build does not run with emcc (toolchain.md). build.sh points
# EM_CLOSURE_COMPILER at its native binary when node_modules has it.
if(DEFINED ENV{EM_CLOSURE_COMPILER})
  target_link_options(esptool_device PRIVATE --closure 1)
  target_link_options(esptool_tools PRIVATE --closure 1)
else()
  message(WARNING "EM_CLOSURE_COMPILER is not set (no google-closure-compiler-linux in node_modules: "
                  "run web/tools/bootstrap.sh): the page's modules get unminified glue")
endif()
# Node only, off the page: its run time counts, not its bytes. A later -O2 wins over the size
# flags for the link's LTO code generation and wasm-opt (the -Os objects keep their own
# attributes).
target_link_options(esptool_cli_offline PRIVATE -O2)

# The virtual device module (hw-sim in wasm).
include(${CMAKE_SOURCE_DIR}/wasm/sim/sim.cmake)
