/// SSHSIG signatures (OpenSSH PROTOCOL.sshsig) over Ed25519 keys.
public enum SSHSigNamespace {}
