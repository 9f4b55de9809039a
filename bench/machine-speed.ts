/**
 * How fast this machine runs right now: the median time of a fixed integer
 * loop, in ms. Shared and virtual machines change speed from minute to
 * minute (the same loop has taken from 550 to 990 ms on the 2-core machine
 * of the README's table), so the table prints this before and after its
 * runs, to read its times against.
 */
export function machineSpeedMs(samples = 3): number {
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < 1e8; i++) {
      sum += i % 7;
    }
    if (sum < 0) {
      throw new Error('unreachable: keeps the loop from being optimized away');
    }
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}
