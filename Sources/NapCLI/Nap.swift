public enum NapMain {}
