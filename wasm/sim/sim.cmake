# The virtual device (web/src/virtual/): hw-sim as its own ES module, hw-sim.js + hw-sim.wasm.
# Embind over the `hwsim` library only: no core/, no sockets (hw-sim/server stays native).
# Flags as the esptool module's (style.md §5); -O2 from wasm.cmake (hw-sim has no coroutines).
add_executable(hwsim_wasm ${CMAKE_SOURCE_DIR}/wasm/sim/sim_bindings.cpp)
set_target_properties(hwsim_wasm PROPERTIES OUTPUT_NAME hw-sim SUFFIX .js)
target_link_libraries(hwsim_wasm PRIVATE hwsim)
target_link_options(hwsim_wasm PRIVATE
  -lembind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createHwSimModule
  # No eval/new Function in the glue (Embind supports it in 3.1.6): pages with a strict CSP
  # (no 'unsafe-eval') can load the module.
  -sDYNAMIC_EXECUTION=0
  -sENVIRONMENT=web,worker
  -sFILESYSTEM=0
  -sALLOW_MEMORY_GROWTH=1)
