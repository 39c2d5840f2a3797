//! The laptop's address on the room's network.

use std::net::{IpAddr, Ipv4Addr, UdpSocket};

/// The address other devices on the local network reach this one at: the
/// source address the system would use to leave the machine. Connecting a
/// UDP socket sends nothing; it only asks the routing table. Without a
/// network it falls back to the loopback address, which no phone reaches.
pub fn lan_address() -> IpAddr {
    let probe = || -> std::io::Result<IpAddr> {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
        // A documentation address (TEST-NET-1): never contacted.
        socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
        Ok(socket.local_addr()?.ip())
    };
    probe()
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}
