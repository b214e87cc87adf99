package org.kinlink.translation.memory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the memory's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemorySettings.class)
class MemoryConfiguration {
}
