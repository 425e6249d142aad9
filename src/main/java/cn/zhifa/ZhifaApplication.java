package cn.zhifa;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("zhifa")
public class ZhifaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhifaApplication.class, args);
    }
}
