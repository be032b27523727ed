// The part of autocannon's programmatic API the load test uses (the package ships no types).
declare module 'autocannon' {
  interface TOptions {
    url: string;
    connections: number;
    duration: number;
    timeout: number;
    requests: { method: string; path: string; headers?: Record<string, string>; body?: string }[];
  }
  interface TResult {
    requests: { total: number; average: number };
    latency: { p50: number; p99: number; max: number };
    '5xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(options: TOptions): Promise<TResult>;
}
