package org.truce.ingest.camera;

import java.util.List;

/**
 * A unit rotation quaternion (w, x, y, z) as MAVLink sends attitudes: it rotates a vector from the body (or camera)
 * frame into north-east-down. Immutable; normalised on construction.
 */
public record Quaternion(double w, double x, double y, double z) {
    public static final Quaternion IDENTITY = new Quaternion(1, 0, 0, 0);

    public Quaternion {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        if (!Double.isFinite(n) || n < 1e-9) throw new IllegalArgumentException("not a rotation quaternion");
        w /= n; x /= n; y /= n; z /= n;
    }

    /** From MAVLink's {@code q[4]} field (w, x, y, z). */
    public static Quaternion of(List<Float> q) {
        if (q.size() != 4) throw new IllegalArgumentException("quaternion needs 4 components, got " + q.size());
        return new Quaternion(q.get(0), q.get(1), q.get(2), q.get(3));
    }

    /** From aerospace Euler angles in radians (yaw about down, then pitch about right, then roll about forward). */
    public static Quaternion fromEuler(double roll, double pitch, double yaw) {
        double cr = Math.cos(roll / 2), sr = Math.sin(roll / 2);
        double cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
        double cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2);
        return new Quaternion(cr * cp * cy + sr * sp * sy, sr * cp * cy - cr * sp * sy,
                cr * sp * cy + sr * cp * sy, cr * cp * sy - sr * sp * cy);
    }

    /** The composition {@code this ⊗ o}: a vector is rotated by {@code o} first, then by this. */
    public Quaternion times(Quaternion o) {
        return new Quaternion(
                w * o.w - x * o.x - y * o.y - z * o.z,
                w * o.x + x * o.w + y * o.z - z * o.y,
                w * o.y - x * o.z + y * o.w + z * o.x,
                w * o.z + x * o.y - y * o.x + z * o.w);
    }

    /** Rotates a 3-vector from the body frame into the reference frame. */
    public double[] rotate(double[] v) {
        return new double[] {
                (1 - 2 * (y * y + z * z)) * v[0] + 2 * (x * y - w * z) * v[1] + 2 * (x * z + w * y) * v[2],
                2 * (x * y + w * z) * v[0] + (1 - 2 * (x * x + z * z)) * v[1] + 2 * (y * z - w * x) * v[2],
                2 * (x * z - w * y) * v[0] + 2 * (y * z + w * x) * v[1] + (1 - 2 * (x * x + y * y)) * v[2]};
    }
}
