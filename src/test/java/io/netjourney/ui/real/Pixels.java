package io.netjourney.ui.real;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** A screenshot loaded for simple checks: how many pixels are near a colour, how many colours a region has. */
public final class Pixels {
    private final BufferedImage image;

    private Pixels(BufferedImage image) {
        this.image = image;
    }

    public static Pixels load(Path png) {
        try {
            BufferedImage image = ImageIO.read(png.toFile());
            if (image == null) {
                throw new IllegalArgumentException(png + " is not an image ImageIO can read");
            }
            return new Pixels(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** 0xRRGGBB at (x, y). */
    public int rgb(int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** Pixels in the region (clipped to the image) whose every channel is within {@code tolerance} of rgb. */
    public int countNear(int rgb, int tolerance, int x, int y, int w, int h) {
        int count = 0;
        for (int py = Math.max(0, y); py < Math.min(height(), y + h); py++) {
            for (int px = Math.max(0, x); px < Math.min(width(), x + w); px++) {
                if (near(rgb(px, py), rgb, tolerance)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Pixels of the whole image near rgb. */
    public int countNear(int rgb, int tolerance) {
        return countNear(rgb, tolerance, 0, 0, width(), height());
    }

    /** How many distinct colours the region has, counting no further than {@code cap}. */
    public int distinctColours(int x, int y, int w, int h, int cap) {
        Set<Integer> seen = new HashSet<>();
        for (int py = Math.max(0, y); py < Math.min(height(), y + h) && seen.size() < cap; py++) {
            for (int px = Math.max(0, x); px < Math.min(width(), x + w) && seen.size() < cap; px++) {
                seen.add(rgb(px, py));
            }
        }
        return seen.size();
    }

    /** True when every pixel has one colour (a blank screen). */
    public boolean uniform() {
        return distinctColours(0, 0, width(), height(), 2) < 2;
    }

    static boolean near(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
