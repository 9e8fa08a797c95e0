// A services process that opens at once and then answers nothing, not even 'stop' (a stalled one), for the supervisor's tests.
process.once('message', () => process.send({ type: 'ready' }));
process.on('message', () => undefined);
