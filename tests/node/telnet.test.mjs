// The telnet layer under our RFC 2217 client and server (web/src/ports/telnet.js): parsing across
// chunk boundaries, IAC escaping both ways, option negotiation answers, and the order of data and
// subnegotiations that the server's relay relies on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COM_PORT, DO, DONT, ECHO, IAC, SB, SE, SGA, TelnetDecoder, TelnetOptions, WILL, WONT, escapeIac, subnegotiation,
} from '../../web/src/ports/telnet.js';

function recorder(withDataFirst = false) {
  const events = [];
  const handlers = {
    negotiate: (command, option) => events.push(['negotiate', command, option]),
    subnegotiation: (sub) => events.push(['sub', [...sub]]),
  };
  if (withDataFirst) handlers.dataBeforeSubnegotiation = (data) => events.push(['data', [...data]]);
  return { events, decoder: new TelnetDecoder(handlers) };
}

test('data passes through; a doubled IAC is one data byte; commands are taken out', () => {
  const { events, decoder } = recorder();
  const out = decoder.decode(Uint8Array.of(1, IAC, IAC, 2, IAC, WILL, SGA, 3, IAC, 241 /* NOP */, 4));
  assert.deepEqual([...out], [1, IAC, 2, 3, 4]);
  assert.deepEqual(events, [['negotiate', WILL, SGA]]);
});

test('a command split over chunks at every byte is parsed the same', () => {
  const stream = [7, IAC, DO, COM_PORT, ...subnegotiation(101, [0, IAC, 5]), 8, IAC, IAC, 9];
  const whole = recorder();
  const wholeData = [...whole.decoder.decode(Uint8Array.from(stream))];
  const split = recorder();
  const splitData = stream.flatMap((b) => [...split.decoder.decode(Uint8Array.of(b))]);
  assert.deepEqual(splitData, wholeData);
  assert.deepEqual(wholeData, [7, 8, IAC, 9]);
  assert.deepEqual(split.events, whole.events);
  assert.deepEqual(whole.events, [['negotiate', DO, COM_PORT], ['sub', [COM_PORT, 101, 0, IAC, 5]]]);
});

test('with dataBeforeSubnegotiation, data before a subnegotiation is delivered before it', () => {
  const { events, decoder } = recorder(true);
  const rest = decoder.decode(Uint8Array.from([1, 2, ...subnegotiation(5, [8]), 3]));
  assert.deepEqual(events, [['data', [1, 2]], ['sub', [COM_PORT, 5, 8]]]);
  assert.deepEqual([...rest], [3]);
});

test('IAC followed by anything but SE or IAC inside a subnegotiation ends it unhandled', () => {
  const { events, decoder } = recorder();
  const out = decoder.decode(Uint8Array.of(IAC, SB, COM_PORT, 1, IAC, 241, 6));
  assert.deepEqual(events, []);
  assert.deepEqual([...out], [6]);
});

test('escapeIac doubles IAC and returns IAC-free data as it is', () => {
  const plain = Uint8Array.of(1, 2, 3);
  assert.equal(escapeIac(plain), plain);
  assert.deepEqual([...escapeIac(Uint8Array.of(IAC, 0, IAC))], [IAC, IAC, 0, IAC, IAC]);
  assert.deepEqual([...escapeIac(Uint8Array.of(7, IAC, IAC, 8))], [7, IAC, IAC, IAC, IAC, 8]);
  // Against the byte-by-byte definition on block-sized noise.
  const noise = Uint8Array.from({ length: 16400 }, (_, i) => (i * 2654435761) >>> 24);
  const expected = [];
  for (const b of noise) expected.push(...(b === IAC ? [IAC, IAC] : [b]));
  assert.deepEqual([...escapeIac(noise)], expected);
});

test('subnegotiation frames a COM-PORT-OPTION command with IAC doubled in its value', () => {
  assert.deepEqual([...subnegotiation(1, [0, 1, IAC, 0])], [IAC, SB, COM_PORT, 1, 0, 1, IAC, IAC, 0, IAC, SE]);
});

test('option negotiation: agreement to our own request is not answered, others are', () => {
  const sent = [];
  const options = new TelnetOptions({
    localOk: new Set([SGA, COM_PORT]),
    remoteOk: new Set([ECHO]),
    send: (command, option) => sent.push([command, option]),
  });
  options.want('local', COM_PORT);
  options.negotiate(DO, COM_PORT); // our WILL, agreed: no answer
  options.negotiate(DO, SGA); // their request, acceptable: WILL
  options.negotiate(DO, SGA); // already on: no answer (no loop)
  options.negotiate(DO, ECHO); // we do not perform ECHO: WONT
  options.negotiate(WILL, ECHO); // they perform ECHO, acceptable: DO
  options.negotiate(WILL, 99); // unknown option: DONT
  options.negotiate(DONT, SGA); // switched off: WONT once
  options.negotiate(DONT, SGA);
  assert.deepEqual(sent, [[WILL, SGA], [WONT, ECHO], [DO, ECHO], [DONT, 99], [WONT, SGA]]);
  assert.equal(options.local.get(COM_PORT), 'yes');
  assert.equal(options.local.get(SGA), 'no');
  assert.equal(options.remote.get(ECHO), 'yes');
});
