/**
 * Webhook and media URLs that reach the gateway's own machine, its network or a cloud
 * metadata service, each in a form a naive check lets through.
 */
export const INTERNAL_URLS = [
  "http://127.0.0.1:8080/hook",
  "http://169.254.169.254/latest/meta-data/",
  "http://10.0.0.5/hook",
  "http://172.16.4.2/hook",
  "http://192.168.1.10/hook",
  "http://[::1]/hook",
  "http://[::ffff:127.0.0.1]/hook",
  "http://0x7f000001/hook",
  "http://2130706433/hook",
  "http://127.1/hook",
  "http://0.0.0.0/hook",
  "http://localhost/hook",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://user:pass@127.0.0.1/hook",
  "https://100.64.0.1/hook",
  "http://[fd00:ec2::254]/latest/meta-data/",
  "http://api.localhost./hook",
];
