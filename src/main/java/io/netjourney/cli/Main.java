package io.netjourney.cli;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("netjourney");
    }
}
