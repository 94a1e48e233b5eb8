//! ChromeDriver as a child process, on a port it chose itself and reported.
//!
//! Probing for a free port and handing it to ChromeDriver would race: between the probe and
//! ChromeDriver's bind another process can take the port, and the tests could then drive someone
//! else's ChromeDriver without noticing. With `--port=0` the kernel hands ChromeDriver a free port
//! as it binds, and ChromeDriver prints that port once it listens: no window, nothing to guess.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// What ChromeDriver prints on stdout once it listens, followed by the port and a full stop.
const STARTED: &str = "ChromeDriver was started successfully on port ";

/// ChromeDriver binds IPv4 and then IPv6 on the same port, and exits if the second is taken.
/// That failure is loud (it exits before reporting a port), so trying again is safe.
const ATTEMPTS: usize = 3;

pub struct ChromeDriver {
    /// Where its WebDriver endpoint listens, e.g. `http://127.0.0.1:37561`.
    pub url: String,
    port: u16,
    child: Child,
}

impl ChromeDriver {
    /// Starts `program`, writing its own log (stderr) to `log`, and waits until it listens.
    pub fn start(program: &str, log: &Path) -> ChromeDriver {
        let mut failures = Vec::new();
        for _ in 0..ATTEMPTS {
            match ChromeDriver::try_start(program, log) {
                Ok(driver) => return driver,
                Err(failure) => failures.push(failure),
            }
        }
        panic!("ChromeDriver did not start ({ATTEMPTS} attempts):\n{}", failures.join("\n"));
    }

    fn try_start(program: &str, log: &Path) -> Result<ChromeDriver, String> {
        let log_file = std::fs::File::create(log).unwrap_or_else(|error| panic!("create {}: {error}", log.display()));
        let mut child = Command::new(program)
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|error| {
                panic!("start {program}: {error} (install Debian's chromium-driver, or run ./run test)")
            });
        let stdout = child.stdout.take().expect("stdout is piped");
        let (report, reported) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines().map_while(Result::ok);
            for line in lines.by_ref() {
                if let Some(port) = line.strip_prefix(STARTED) {
                    let _ = report.send(port.trim_end_matches('.').parse::<u16>());
                    break;
                }
            }
            // Keep reading, so ChromeDriver never blocks on a full pipe.
            lines.for_each(drop);
        });
        // The reader drops its sender at end of output, so an early exit is seen at once.
        let outcome = match reported.recv_timeout(Duration::from_secs(30)) {
            Ok(Ok(port)) if port != 0 => {
                return Ok(ChromeDriver { url: format!("http://127.0.0.1:{port}"), port, child })
            }
            Ok(Ok(_)) => "it reported port 0 (a ChromeDriver too old to pick its own port?)".to_owned(),
            Ok(Err(error)) => format!("its port was not a number: {error}"),
            Err(mpsc::RecvTimeoutError::Timeout) => "it reported no port within 30 s".to_owned(),
            Err(mpsc::RecvTimeoutError::Disconnected) => "it exited before it listened".to_owned(),
        };
        let _ = child.kill();
        let status = child.wait().map_or_else(|error| error.to_string(), |status| status.to_string());
        let log = std::fs::read_to_string(log).unwrap_or_default();
        Err(format!("{outcome} ({status}); its log:\n{log}"))
    }

    /// Ends a WebDriver session without an async runtime, for a test that failed before it
    /// could close its page: ChromeDriver then quits that session's Chromium, which killing
    /// ChromeDriver would leave running.
    pub fn end_session(&self, session_id: &str) {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, self.port));
        let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_secs(5)) else { return };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(30)));
        let request = format!(
            "DELETE /session/{session_id} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            self.port
        );
        // ChromeDriver answers once Chromium has quit; it may keep the connection open after.
        if stream.write_all(request.as_bytes()).is_ok() {
            let _ = stream.read(&mut [0; 1024]);
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // Also on a failing test: ChromeDriver must not outlive it.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
