//! The engine: a pure, deterministic simulation of the Kubernetes control plane parts that
//! run a StatefulSet. No I/O, no wall clock, no unordered maps.

pub mod dns;
pub mod endpointslice;
pub mod storage;
