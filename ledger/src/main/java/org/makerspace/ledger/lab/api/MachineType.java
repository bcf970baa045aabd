package org.makerspace.ledger.lab.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A family of machines that one training covers, such as {@code laser-cutter}. Labs may add their own codes,
 * so this is an open set with well-known constants rather than an enum.
 */
public record MachineType(@JsonValue String code) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    public static final MachineType LASER_CUTTER = new MachineType("laser-cutter");
    public static final MachineType PRINTER_3D = new MachineType("3d-printer");
    public static final MachineType CNC_MILL = new MachineType("cnc-mill");
    public static final MachineType VINYL_CUTTER = new MachineType("vinyl-cutter");
    public static final MachineType DARKROOM = new MachineType("darkroom");
    public static final MachineType DRONE = new MachineType("drone");
    public static final MachineType VR_HEADSET = new MachineType("vr-headset");

    @JsonCreator
    public MachineType {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("machine type must be 2-40 lowercase letters, digits or '-', but was '" + code + "'");
        }
    }

    public static MachineType of(String code) {
        return new MachineType(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
