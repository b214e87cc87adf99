package org.kinlink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Kinlink: keeps families in touch with relatives who are cut off from them. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class KinlinkApplication {

	public static void main(String[] args) {
		SpringApplication.run(KinlinkApplication.class, args);
	}

}
